#!/usr/bin/env bash
# Benchmark: the slowest lesson check, natively (`nixpad lessons bench`, release build) and in
# optimised wasm32 under node (the `wasm_checks` test's timing), written into BENCHMARKS.md
# between the lessons-bench markers (BENCH_NO_WRITE=1 only prints). Not a test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
native=$(cargo run -q --release -p nixpad-cli -- lessons bench lessons | grep '^slowest lesson check')
wasm=$(cargo test --release -p nixpad-lessons --target wasm32-unknown-unknown --test wasm_checks --locked -- --nocapture 2>&1 |
  grep -E '^slowest under wasm32' || true)
section=$(
  echo "Command: \`scripts/bench-lessons.sh\` — written by the script on $(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)."
  echo
  echo "- native (release): $native"
  echo "- wasm32 (node, release), as the wasm_checks test reports it:"
  printf '%s\n' "$wasm" | sed 's/^/  - /'
)
printf '%s\n' "$section"
[ -n "${BENCH_NO_WRITE:-}" ] || printf '%s\n' "$section" | scripts/bench-section.py lessons-bench
