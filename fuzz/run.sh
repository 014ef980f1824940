#!/bin/bash
# Runs one fuzz target for a total wall-clock time, restarting libFuzzer after every
# crash, timeout or OOM (the findings stay in fuzz/artifacts/TARGET/) and after every
# RUNS_PER_PROCESS executions, then prints totals.
#
#   fuzz/run.sh eval 600            # ten minutes of the raw-bytes target
#   fuzz/run.sh eval_structured 600
#   fuzz/run.sh eval 60 -max_len=8192   # extra libFuzzer flags go last
#
# Leaks are findings: evaluations give back all their memory (the cycle collector,
# crates/nixpad-eval/src/eval/collect.rs, frees the reference cycles programs make), so
# LeakSanitizer runs (detect_leaks=1). Restarting after RUNS_PER_PROCESS executions bounds
# a process's growth from what legitimately stays (interned names).
set -u
target=${1:?usage: run.sh TARGET [SECONDS] [libFuzzer flags...]}
total=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
case "$target" in
    eval_structured) runs=${RUNS_PER_PROCESS:-25000} ;;
    *) runs=${RUNS_PER_PROCESS:-50000} ;;
esac
extra=()
[ "$target" = eval ] && extra+=("-dict=$here/eval.dict")   # keywords, operators, builtin names
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export RUSTC_BOOTSTRAP=1   # cargo-fuzz needs nightly flags (-Zsanitizer); stable rustc accepts them with this
if [ "$target" = eval ] && [ -z "$(ls -A corpus/eval 2>/dev/null)" ]; then ./seed.sh; fi
mkdir -p "corpus/$target" "artifacts/$target" artifacts/logs
# -a: debug assertions and overflow checks, so arithmetic overflow and debug_assert! panic.
cargo fuzz build -a "$target" || exit 1

stamp=$(date +%Y%m%d-%H%M%S)
start=$(date +%s)
iter=0 execs=0 crashes=0
while :; do
    now=$(date +%s)
    left=$(( total - (now - start) ))
    [ "$left" -gt 0 ] || break
    iter=$((iter + 1))
    log="artifacts/logs/$target-$stamp-$iter.log"
    cargo fuzz run -a "$target" "corpus/$target" -- \
        -max_total_time="$left" -runs="$runs" -rss_limit_mb=4096 -timeout=10 \
        -detect_leaks=1 -print_final_stats=1 "${extra[@]}" "$@" > "$log" 2>&1
    rc=$?
    n=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    [ -n "$n" ] || n=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
    execs=$((execs + ${n:-0}))
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
    corp=$(grep -o 'corp: [0-9]*/[0-9a-zA-Z]*' "$log" | tail -1)
    if grep -q 'Test unit written to' "$log"; then
        crashes=$((crashes + 1))
        echo "[$target] run $iter: FINDING ($(grep -o 'Test unit written to .*' "$log" | tail -1)), see $log"
        grep -m1 -E "panicked at|ERROR: (AddressSanitizer|libFuzzer)|==[0-9]+== ERROR" -A2 "$log" | head -6
    elif [ -z "$n" ] || [ "$n" = 0 ]; then
        echo "[$target] run $iter: libFuzzer did not run (rc=$rc), see $log" >&2
        tail -5 "$log" >&2
        exit 1
    else
        echo "[$target] run $iter: $n execs, $cov, $corp (rc=$rc)"
    fi
done
elapsed=$(( $(date +%s) - start ))
echo "[$target] total: $execs executions in ${elapsed}s ($(( execs / (elapsed > 0 ? elapsed : 1) )) exec/s), last $cov, $corp, $crashes findings, $iter processes"
