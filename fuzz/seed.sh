#!/bin/sh
# Seeds fuzz/corpus/eval with the language test corpus (crates/nixpad-eval/tests/lang/*.nix).
# The corpus is not committed (fuzz/corpus is ignored); run this before `cargo fuzz run eval`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/corpus/eval" "$here/corpus/eval_structured"
n=0
for f in "$here"/../crates/nixpad-eval/tests/lang/*.nix; do
    cp "$f" "$here/corpus/eval/$(basename "$f")"
    n=$((n + 1))
done
echo "seeded $n files into $here/corpus/eval"
