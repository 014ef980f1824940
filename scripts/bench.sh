#!/usr/bin/env bash
# Benchmark: whole-process wall time and peak memory of `nixpad eval --strict` vs real Nix
# (`nix-instantiate --eval --strict`, through ../shared/tools/nix-oracle), side by side, on
# the workloads in bench/. Prints a Markdown table (median of RUNS runs, default 5) for
# BENCHMARKS.md and writes it there (between the eval-bench markers; BENCH_NO_WRITE=1 only
# prints). Not a test: the figures depend on the machine.
#   scripts/bench.sh [WORKLOAD...]     e.g. scripts/bench.sh fib lists
#   INSTRUCTIONS=1 scripts/bench.sh    also count instructions with valgrind (callgrind):
#                                      a figure that does not depend on the machine's load
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${RUNS:-5}
ORACLE="${NIX_ORACLE:-$(cd .. && pwd)/shared/tools/nix-oracle}"
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --release -q -p nixpad-cli
NIXPAD=target/release/nixpad
workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=($(ls bench/*.nix | xargs -n1 basename | sed 's/\.nix$//'))

# median of whitespace-separated numbers
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # measure CMD... -> "seconds kilobytes" per run, RUNS times
  local times=() mems=() out
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$TIMING" -f '%e %M' "$@" >/dev/null 2>&1
    out=$(tail -1 "$TIMING")
    times+=("${out% *}")
    mems+=("${out#* }")
  done
  echo "$(echo "${times[@]}" | median) $(echo "${mems[@]}" | median)"
}

TIMING=$(mktemp)
trap 'rm -f "$TIMING"' EXIT
"$ORACLE" --version >/dev/null
instructions() { # instructions CMD... -> total instructions executed, or "n/a" if it failed
  local log
  log=$(mktemp)
  if valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$log"; then
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log" | sort -n | tail -1
  else
    echo "n/a"
  fi
  rm -f "$log"
}
OUT=$(mktemp)
{
millions() { # a count in millions, or "n/a"
  if [ "$1" = n/a ]; then echo n/a; else awk -v n="$1" 'BEGIN { printf "%.0f", n / 1e6 }'; fi
}
if [ -n "${INSTRUCTIONS:-}" ]; then
  echo "| workload | Nix time (s) | nixpad time (s) | time ratio | Nix peak (MB) | nixpad peak (MB) | memory ratio | Nix instructions (M) | nixpad instructions (M) | ratio |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
else
  echo "| workload | Nix time (s) | nixpad time (s) | time ratio | Nix peak (MB) | nixpad peak (MB) | memory ratio |"
  echo "|---|---|---|---|---|---|---|"
fi
for w in "${workloads[@]}"; do
  f=bench/$w.nix
  expected=$("$ORACLE" nix-instantiate --store dummy:// --eval --strict "$f" 2>&1)
  got=$("$NIXPAD" eval --strict "$f" 2>&1)
  if [ "$expected" != "$got" ]; then
    echo "| $w | results differ: nix=\`${expected:0:60}\` nixpad=\`${got:0:60}\` | | | | | |"
    continue
  fi
  read -r nt nm < <(measure "$ORACLE" nix-instantiate --store dummy:// --eval --strict "$f")
  read -r pt pm < <(measure "$NIXPAD" eval --strict "$f")
  extra=""
  if [ -n "${INSTRUCTIONS:-}" ]; then
    ni=$(instructions "$ORACLE" nix-instantiate --store dummy:// --eval --strict "$f")
    pi=$(instructions "$NIXPAD" eval --strict "$f")
    if [ "$ni" = n/a ] || [ "$pi" = n/a ]; then
      extra=" $(millions "$ni") | $(millions "$pi") | |"
    else
      extra=$(awk -v ni="$ni" -v pi="$pi" 'BEGIN { printf " %.0f | %.0f | %.2f |", ni / 1e6, pi / 1e6, pi / ni }')
    fi
  fi
  awk -v w="$w" -v nt="$nt" -v pt="$pt" -v nm="$nm" -v pm="$pm" -v extra="$extra" 'BEGIN {
    printf "| %s | %.2f | %.2f | %.2f | %.1f | %.1f | %.2f |%s\n", w, nt, pt, pt / nt, nm / 1024, pm / 1024, pm / nm, extra }'
done
} | tee "$OUT"
if [ -z "${BENCH_NO_WRITE:-}" ]; then
  {
    echo "Command: \`INSTRUCTIONS=${INSTRUCTIONS:-} RUNS=$RUNS scripts/bench.sh\` — written by the script on $(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) (wall times vary with it; instruction counts do not)."
    echo
    cat "$OUT"
  } | scripts/bench-section.py eval-bench
fi
rm -f "$OUT"
