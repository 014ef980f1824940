#!/usr/bin/env bash
# Benchmark: nixpkgs-lite evaluated by nixpad and by real Nix (through
# ../shared/tools/nix-oracle, `--store dummy://`), on the same files, side by side:
#   hello      (import <nixpkgs> { }).hello.drvPath
#   all+2      every package's drvPath with the two test overlays
#              (crates/nixpad-pkgs/tests/all-drv-paths.nix)
# Whole-process wall time, median of RUNS runs (default 21), in milliseconds, measured
# with bash's microsecond clock; the next column subtracts nixpad's time for an empty
# evaluation (`1`: process start, thread, allocator), leaving the evaluation itself.
# "In one process" is `nixpad eval --bench RUNS`: the same evaluation repeated in one
# process, each run with a fresh evaluator sharing the lowered files (as the web worker
# runs them, so it compares with the worker's figures): the median of those runs, and
# for the "(cold)" rows the first run, which parses and lowers every file.
# nixpad keeps lowered files between processes (a cache, filled by the check run that
# compares the results): the plain rows read it, the "(cold)" rows run without it
# (NIXPAD_CACHE_DIR=""), parsing and lowering every file as a first run does.
# Prints a Markdown table and writes it into BENCHMARKS.md (between the nixpkgs-bench
# markers; BENCH_NO_WRITE=1 only prints). Not a test: the figures depend on the machine.
#   scripts/bench-nixpkgs.sh
#   INSTRUCTIONS=1 scripts/bench-nixpkgs.sh   also count instructions (valgrind callgrind,
#                                             whole process): independent of the machine's load
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${RUNS:-21}
ORACLE="${NIX_ORACLE:-$(cd .. && pwd)/shared/tools/nix-oracle}"
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --release -q -p nixpad-cli
NIXPAD=target/release/nixpad
FOLDER=$(pwd)/nixpkgs-lite
TESTS=$(pwd)/crates/nixpad-pkgs/tests
OVERLAYS="[ (import $TESTS/overlays/security-patch.nix) (import $TESTS/overlays/features.nix) ]"

# milliseconds of one in-process evaluation (`nixpad eval --bench`): the median of the
# runs that reuse the lowered files, or with "first" the first run, which lowers them
in_process() {
  local report
  report=$("${OUR_EVAL[@]}" --bench "$RUNS" "${@:2}" 2>&1 >/dev/null)
  case $1 in
    first) sed -n 's/.*which lowered them: \([0-9.]*\) ms.*/\1/p' <<< "$report" ;;
    *) sed -n 's/.*lowered files: median \([0-9.]*\) ms.*/\1/p' <<< "$report" ;;
  esac
}

# median of numbers, one per line
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# wall-clock milliseconds of CMD..., median of RUNS runs (output discarded); the clock is
# bash's own $EPOCHREALTIME (microseconds), so no other process runs inside the interval
measure() {
  for _ in $(seq "$RUNS"); do
    local start end
    start=${EPOCHREALTIME/[.,]/}
    "$@" >/dev/null 2>&1
    end=${EPOCHREALTIME/[.,]/}
    echo $((10#$end - 10#$start))
  done | median | awk '{printf "%.1f", $1 / 1000}'
}

NIX_EVAL=("$ORACLE" nix-instantiate --store dummy:// --eval --strict -I "nixpkgs=$FOLDER")
OUR_EVAL=("$NIXPAD" eval --strict -I "nixpkgs=$FOLDER")
nix_eval() { "${NIX_EVAL[@]}" "$@"; }
our_eval() { "${OUR_EVAL[@]}" "$@"; }

# instructions executed by CMD... (all its processes), in millions, or "n/a"
instructions() {
  local log
  log=$(mktemp)
  if valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$log"; then
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log" | sort -n | tail -1 | awk '{printf "%.1f", $1 / 1e6}'
  else
    echo "n/a"
  fi
  rm -f "$log"
}

"$ORACLE" --version >/dev/null
declare -A workload=(
  [hello]="-E|(import <nixpkgs> { }).hello.drvPath"
  [all+2]="$TESTS/all-drv-paths.nix|--arg|overlays|$OVERLAYS"
)
OUT=$(mktemp)
CACHE=$(mktemp -d)
trap 'rm -rf "$CACHE"' EXIT
{
echo "| workload | Nix (ms) | nixpad (ms) | ratio | nixpad, minus an empty evaluation (ms) | nixpad, in one process (ms) |${INSTRUCTIONS:+ Nix (M instr.) | nixpad (M instr.) | Nix, minus empty | nixpad, minus empty |}"
echo "|---|---|---|---|---|---|${INSTRUCTIONS:+---|---|---|---|}"
empty=$(measure our_eval -E 1)
if [ -n "${INSTRUCTIONS:-}" ]; then
  nix_empty=$(instructions "${NIX_EVAL[@]}" -E 1)
  our_empty=$(instructions "${OUR_EVAL[@]}" -E 1)
fi
for w in hello "hello (cold)" all+2 "all+2 (cold)"; do
  IFS='|' read -r -a args <<< "${workload[${w% (cold)}]}"
  case "$w" in
    *cold*) export NIXPAD_CACHE_DIR="" ;;
    *) export NIXPAD_CACHE_DIR="$CACHE" ;;
  esac
  expected=$(nix_eval "${args[@]}" 2>&1)
  got=$(our_eval "${args[@]}" 2>&1)
  if [ "$expected" != "$got" ]; then
    echo "| $w | results differ: nix=\`${expected:0:60}\` nixpad=\`${got:0:60}\` | | | | |"
    continue
  fi
  nt=$(measure nix_eval "${args[@]}")
  pt=$(measure our_eval "${args[@]}")
  case "$w" in
    *cold*) it=$(in_process first "${args[@]}") ;;
    *) it=$(in_process median "${args[@]}") ;;
  esac
  extra=""
  if [ -n "${INSTRUCTIONS:-}" ]; then
    ni=$(instructions "${NIX_EVAL[@]}" "${args[@]}")
    pi=$(instructions "${OUR_EVAL[@]}" "${args[@]}")
    extra=$(awk -v ni="$ni" -v pi="$pi" -v ne="$nix_empty" -v pe="$our_empty" 'BEGIN { printf " %s | %s | %.1f | %.1f |", ni, pi, ni - ne, pi - pe }')
  fi
  awk -v w="$w" -v nt="$nt" -v pt="$pt" -v e="$empty" -v it="$it" -v extra="$extra" 'BEGIN { printf "| %s | %.1f | %.1f | %.2f | %.1f | %.1f |%s\n", w, nt, pt, pt / nt, pt - e, it, extra }'
done
echo
echo "An empty evaluation (\`nixpad eval -E 1\`: process start, thread, allocator) takes $empty ms."
} | tee "$OUT"
if [ -z "${BENCH_NO_WRITE:-}" ]; then
  {
    echo "Command: \`INSTRUCTIONS=${INSTRUCTIONS:-} RUNS=$RUNS scripts/bench-nixpkgs.sh\` — written by the script on $(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) (wall times vary with it; instruction counts do not)."
    echo
    cat "$OUT"
  } | scripts/bench-section.py nixpkgs-bench
fi
rm -f "$OUT"
