#!/usr/bin/env bash
# Prints the web app's budgets (figures, not pass/fail): first-load transfer size (gzip),
# navigation -> first evaluated result, and the worker's evaluation time of each example.
# Builds the release site, serves it on a free loopback port, measures in headless Chromium.
# BENCH_RUNS=N sets the repetitions (default 7).
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
echo "[web-bench] $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(chromium --version 2>/dev/null | head -n1)"
BENCH_URL="http://127.0.0.1:$PORT/" node tests/e2e/bench.mjs
