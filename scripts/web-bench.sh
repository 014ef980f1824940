#!/usr/bin/env bash
# Measures the web app's budgets (figures, not pass/fail): first-load transfer size (gzip
# and brotli, per file and by kind), navigation -> first evaluated result, and the worker's
# evaluation time of each example, and the evaluator's workloads (bench/) in the worker
# next to the native build (`nixpad eval --bench`, in one process). Builds the release site, serves it on a free loopback
# port, measures in headless Chromium, and rewrites the web app's section of BENCHMARKS.md
# (between the `web-bench` markers; never edit it by hand). BENCH_RUNS=N sets the
# repetitions (default 7); BENCH_NO_WRITE=1 only prints.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-tools.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "[web-bench] trunk build --release --offline"
TRUNK_SKIP_VERSION_CHECK=true trunk build --release --offline
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p target
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist >target/web-bench-http.log 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/')" 2>/dev/null && break
  sleep 0.1
done
# The evaluator's workloads natively, in one process (medians, milliseconds), as JSON.
cargo build --release -q -p nixpad-cli
NATIVE="{"
for f in bench/*.nix; do
  name=$(basename "$f" .nix)
  ms=$(target/release/nixpad eval --strict --bench "${BENCH_RUNS:-7}" "$f" 2>&1 >/dev/null \
    | sed -n 's/.*lowered files: median \([0-9.]*\) ms.*/\1/p')
  NATIVE="$NATIVE\"$name\": $ms, "
done
NATIVE="${NATIVE%, }}"
echo "[web-bench] native: $NATIVE"
WHEN="$(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) (timings vary with it)"
BROWSER="$(chromium --version 2>/dev/null | head -n1 | sed 's/ *$//')"
echo "[web-bench] $WHEN, $BROWSER"
BENCH_NATIVE="$NATIVE" BENCH_MD=target/web-bench.md BENCH_WHEN="$WHEN" BENCH_BROWSER="$BROWSER" \
  BENCH_URL="http://127.0.0.1:$PORT/" node tests/e2e/bench.mjs
if [ -z "${BENCH_NO_WRITE:-}" ]; then
  scripts/bench-section.py web-bench < target/web-bench.md
fi
