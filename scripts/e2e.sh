#!/usr/bin/env bash
# Browser tests of the web app:
#   1. builds the release site (trunk build --release --offline) into dist/,
#   2. serves dist/ with a plain static server on a free loopback port (at / and under
#      /nested/app/),
#   3. runs the wasm-bindgen-test component tests in headless Chromium (chromedriver),
#   4. runs the playwright-core end-to-end tests against the served site
#      (screenshots in target/e2e-screenshots/),
#   5. runs tests/e2e/deliver.mjs (it serves dist/ itself, on two loopback origins),
#   6. stops the server. Exits non-zero if anything failed; the e2e part ends with
#      `N passed, N failed`.
# E2E_FILTER=substring runs only the e2e tests whose name contains it.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-tools.sh || exit 1
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

echo "[e2e] trunk build --release --offline"
trunk build --release --offline || { echo "[e2e] build failed"; exit 1; }

# The site at / and again under /nested/app/ (any base path must work).
rm -rf target/e2e-site && mkdir -p target/e2e-site/nested/app
cp -r dist/. target/e2e-site/ && cp -r dist/. target/e2e-site/nested/app/
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory target/e2e-site >target/e2e-http.log 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/')" 2>/dev/null && break
  sleep 0.1
done
echo "[e2e] serving dist/ on http://127.0.0.1:$PORT/ and /nested/app/ (pid $SERVER)"

status=0
echo "[e2e] component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p nixpad-web --target wasm32-unknown-unknown --test components ||
  status=1

echo "[e2e] end-to-end tests (playwright-core, Chromium)"
rm -rf target/e2e-screenshots
E2E_URL="http://127.0.0.1:$PORT/" E2E_SHOTS=target/e2e-screenshots node tests/e2e/run.mjs "${E2E_FILTER:-}" ||
  status=1

echo "[e2e] delivery tests: embed on a second origin, iframe route, offline, nixpad serve"
cargo build -q -p nixpad-cli || status=1
E2E_DIST=dist E2E_NIXPAD=target/debug/nixpad E2E_SHOTS=target/e2e-screenshots \
  node tests/e2e/deliver.mjs "${E2E_FILTER:-}" || status=1
exit "$status"
