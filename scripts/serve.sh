#!/usr/bin/env bash
# Builds the playground in release mode into dist/ and serves it on
# http://127.0.0.1:8080 (PORT=... to change) with a plain static server, in the foreground.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-tools.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "[serve] trunk build --release --offline"
TRUNK_SKIP_VERSION_CHECK=true trunk build --release --offline
PORT=${PORT:-8080}
echo "[serve] serving dist/ on http://127.0.0.1:$PORT (Ctrl+C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
