#!/usr/bin/env bash
# Runs every test of Nixpad, installing what is missing first (idempotent; later runs
# reuse the installed tools):
#   0. formatting (cargo fmt --check) and lints (clippy, warnings are errors);
#   1. native: unit tests, the language corpus, the differential tests against real Nix
#      (the corpus through the CLI, and 2,000 random programs);
#   2. wasm32: the evaluator builds for wasm32 and its deep-recursion limits hold there;
#   3. lessons: `nixpad lessons check lessons/`, and the checker under wasm32; the SBOMs
#      of `nixpad derivation sbom` validated against the CycloneDX 1.5 schema;
#   4. browser: the web app's unit tests (native), its component tests and end-to-end tests in
#      headless Chromium (the app, the embed, offline use, nixpad serve, the size budget);
#   5. nixpkgs-lite under wasm32, and the project's flake.nix evaluated against stub inputs.
# The last line says how many suites passed and failed; the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
ORACLE="${NIX_ORACLE:-$(cd .. && pwd)/shared/tools/nix-oracle}"
export NIX_ORACLE="$ORACLE"

step() { printf '\n[test] %s\n' "$*"; }
passed=0
failed=0
failures=()
suite() {
  local name=$1
  shift
  step "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

step "tools"
scripts/install-tools.sh || { echo "[test] tool installation failed"; exit 1; }
step "real Nix (the oracle): $ORACLE"
"$ORACLE" --version || { echo "[test] the Nix oracle is not available"; exit 1; }
step "cargo fetch --locked"
cargo fetch --locked || exit 1

suite "formatting (cargo fmt --check, rustfmt.toml)" cargo fmt --all --check
suite "lints (cargo clippy -D warnings; allowed lints in Cargo.toml)" cargo clippy --workspace --all-targets --locked -- -D warnings
suite "native tests (unit, corpus, differential against Nix)" cargo test --workspace --exclude nixpad-web --locked --no-fail-fast
suite "web app unit tests (native)" cargo test -p nixpad-web --lib --locked
suite "wasm32 build of the evaluator" cargo build -p nixpad-eval --target wasm32-unknown-unknown --locked
suite "wasm32 build of the flakes crate" cargo build -p nixpad-flake --target wasm32-unknown-unknown --locked
suite "wasm32 deep-recursion limits (node, release as shipped)" cargo test --release -p nixpad-eval --target wasm32-unknown-unknown --test wasm_limits --locked
suite "nixpkgs-lite under wasm32 (node, release as shipped)" cargo test --release -p nixpad-pkgs --target wasm32-unknown-unknown --test wasm_package_set --locked
suite "the project's flake.nix with real Nix against stub inputs" bash tests/flake-stub/run.sh
suite "lessons: every lesson checked (nixpad lessons check)" cargo run -q --release -p nixpad-cli -- lessons check lessons
suite "SBOMs against the CycloneDX 1.5 JSON schema (strict, node)" node tests/sbom/validate.mjs
suite "lessons: checks under wasm32 (node)" cargo test --release -p nixpad-lessons --target wasm32-unknown-unknown --test wasm_checks --locked
suite "browser (component + end-to-end)" scripts/e2e.sh

echo
if [ "$failed" -gt 0 ]; then
  echo "[test] failed suites: ${failures[*]}"
fi
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
