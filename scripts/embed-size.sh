#!/usr/bin/env bash
# Prints the transfer size (gzip, brotli) of a documentation page with one embedded
# Nixpad block: once loaded, and once its block has run (tests/e2e/embed-size.mjs).
# Builds the release site first unless SKIP_BUILD=1 (then dist/ must be current), and writes
# the figures into BENCHMARKS.md (BENCH_NO_WRITE=1 only prints).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-tools.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  echo "[embed-size] trunk build --release --offline"
  TRUNK_SKIP_VERSION_CHECK=true trunk build --release --offline
fi
WHEN="$(date -u +%Y-%m-%d), $(chromium --version 2>/dev/null | head -n1 | sed 's/ *$//')"
echo "[embed-size] $WHEN"
mkdir -p target
E2E_DIST=dist node tests/e2e/embed-size.mjs | tee target/embed-size.txt
# Into BENCHMARKS.md (between the embed-bench markers), unless BENCH_NO_WRITE=1.
if [ -z "${BENCH_NO_WRITE:-}" ]; then
  { echo "Command: \`scripts/embed-size.sh\` — written by the script on $WHEN."
    echo; echo '```'; cat target/embed-size.txt; echo '```'; } | scripts/bench-section.py embed-bench
fi
