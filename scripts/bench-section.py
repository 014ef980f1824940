#!/usr/bin/env python3
"""Replaces one generated section of BENCHMARKS.md with standard input.

    some-benchmark | scripts/bench-section.py NAME

The section is everything between the lines `<!-- NAME:begin -->` and `<!-- NAME:end -->`;
the benchmark scripts write their figures there, so that no figure is typed by hand.
"""
import sys

name = sys.argv[1]
begin, end = f'<!-- {name}:begin -->', f'<!-- {name}:end -->'
text = open('BENCHMARKS.md').read()
if begin not in text or end not in text:
    sys.exit(f'BENCHMARKS.md has no {name} markers')
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
body = sys.stdin.read()
open('BENCHMARKS.md', 'w').write(head + begin + '\n' + body.rstrip('\n') + '\n' + end + tail)
print(f'[{name}] BENCHMARKS.md: section rewritten', file=sys.stderr)
