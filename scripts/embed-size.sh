#!/usr/bin/env bash
# Prints the transfer size (gzip, brotli) of a documentation page with one embedded
# Nixpad block: once loaded, and once its block has run (tests/e2e/embed-size.mjs).
# Builds the release site first unless SKIP_BUILD=1 (then dist/ must be current).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-tools.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  echo "[embed-size] trunk build --release --offline"
  TRUNK_SKIP_VERSION_CHECK=true trunk build --release --offline
fi
echo "[embed-size] $(date -u +%Y-%m-%dT%H:%MZ), $(chromium --version 2>/dev/null | head -n1)"
E2E_DIST=dist node tests/e2e/embed-size.mjs
