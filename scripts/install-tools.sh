#!/usr/bin/env bash
# Installs what the web app's build and tests need, skipping whatever is already there:
# the wasm32 target, trunk 0.21.14, wasm-bindgen-cli (the Cargo.lock version), Debian's
# chromium + chromium-driver, and the npm tools (binaryen's wasm-opt, playwright-core, and the
# CycloneDX library with ajv for the SBOM schema test).
# Idempotent; fast when everything is present. Source it or put node_modules/.bin on PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '[install-tools] %s\n' "$*"; }

WB_VER=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
[ -n "$WB_VER" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "wasm32 target: present"
else
  step "wasm32 target: installing"
  rustup target add wasm32-unknown-unknown
fi

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  step "chromium + chromedriver: present"
else
  step "chromium + chromedriver: installing with apt"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

if [ "$(trunk --version 2>/dev/null)" = "trunk 0.21.14" ]; then
  step "trunk 0.21.14: present"
else
  step "trunk 0.21.14: installing (about 11 minutes on 2 cores)"
  cargo install trunk@0.21.14 --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f1-2)" = "wasm-bindgen $WB_VER" ] &&
   command -v wasm-bindgen-test-runner >/dev/null; then
  step "wasm-bindgen-cli $WB_VER: present"
else
  step "wasm-bindgen-cli $WB_VER: installing (not --locked: its lockfile pins a yanked crate)"
  cargo install wasm-bindgen-cli@"$WB_VER"
fi

if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] &&
   [ -d node_modules/@cyclonedx/cyclonedx-library ] &&
   [ node_modules/.package-lock.json -nt package-lock.json ]; then
  step "npm tools (binaryen, playwright-core, cyclonedx-library): present"
else
  step "npm tools: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

step "cargo fetch --locked"
cargo fetch --locked --quiet
step "done"
