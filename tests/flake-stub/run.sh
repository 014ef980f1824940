#!/usr/bin/env bash
# Proves what can be proven of flake.nix without the network: it parses, and real Nix
# (../shared/tools/nix-oracle) evaluates its outputs against the stub nixpkgs and
# rust-overlay here (inputs overridden), with the right shape: packages, apps, devShells,
# checks and formatter for every system, the wasm-bindgen CLI at Cargo.lock's version,
# the devShell's tools. Nothing is built. Last line: `N passed, N failed`.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ORACLE=${NIX_ORACLE:-../shared/tools/nix-oracle}
STUB=$PWD/tests/flake-stub
TMP=$(mktemp -d)
trap 'chmod -R u+w "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
passed=0 failed=0
ok() { echo "ok    $1"; passed=$((passed + 1)); }
bad() { echo "FAIL  $1"; [[ -n ${2:-} ]] && printf '%s\n' "$2" | sed 's/^/      /'; failed=$((failed + 1)); }

# 1. It parses.
if out=$(timeout -s KILL 60 "$ORACLE" nix-instantiate --parse flake.nix 2>&1 >/dev/null); then
  ok "flake.nix parses"
else
  bad "flake.nix parses" "$out"
fi

# 2. The repository's files (tracked or new, not ignored) in a folder of their own, so
#    that evaluating copies no build output into the test store.
mkdir -p "$TMP/repo"
git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$TMP/repo" 2>/dev/null
nix() {
  timeout -s KILL 300 "$ORACLE" nix --extra-experimental-features 'nix-command flakes' \
    --store "$TMP/store" --option substituters '' \
    "$@" --no-write-lock-file --override-input nixpkgs "path:$STUB/nixpkgs" --override-input rust-overlay "path:$STUB/rust-overlay"
}
FLAKE="path:$TMP/repo"

# 3. `nix flake check` evaluates every output and checks its type (nothing is built).
if out=$(nix flake check --no-build "$FLAKE" 2>&1); then
  ok "nix flake check --no-build accepts every output"
else
  bad "nix flake check --no-build accepts every output" "$out"
fi

# expect NAME ATTR APPLY EXPECTED_JSON
expect() {
  local got
  if ! got=$(nix eval --json "$FLAKE#$2" --apply "$3" 2>"$TMP/stderr"); then
    bad "$1" "$(cat "$TMP/stderr")"
  elif [[ $got == "$4" ]]; then
    ok "$1"
  else
    bad "$1" "expected $4"$'\n'"got      $got"
  fi
}
SYSTEMS='["aarch64-darwin","aarch64-linux","x86_64-darwin","x86_64-linux"]'
for output in packages apps devShells checks formatter; do
  expect "$output: every system" "$output" 'builtins.attrNames' "$SYSTEMS"
done
expect "packages: the site by default, the CLI, the serve script, wasm-bindgen" packages.x86_64-linux \
  'p: { names = builtins.attrNames p; default = p.default.name; same = p.default == p.site; }' \
  '{"default":"nixpad-site-0.1.0","names":["default","nixpad","serve","site","wasm-bindgen-cli"],"same":true}'
LOCKED=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p}' Cargo.lock)
expect "wasm-bindgen-cli at Cargo.lock's wasm-bindgen version ($LOCKED), from crates.io with a hash" \
  packages.x86_64-linux.wasm-bindgen-cli \
  'w: { version = w.version; crate = w.args.src.args.version; hashed = builtins.substring 0 7 w.args.src.args.hash; }' \
  "{\"crate\":\"$LOCKED\",\"hashed\":\"sha256-\",\"version\":\"$LOCKED\"}"
expect "the site builds from Cargo.lock with trunk, wasm-bindgen-cli and binaryen" packages.x86_64-linux.site \
  's: { lock = baseNameOf s.args.cargoDeps.lockFile; tools = map (d: d.pname or d.name) s.args.nativeBuildInputs; trunk = builtins.match ".*trunk build --release --offline.*" s.args.buildPhase != null; }' \
  '{"lock":"Cargo.lock","tools":["rust-1.95.0","cargo-setup-hook","trunk","wasm-bindgen-cli","binaryen"],"trunk":true}'
expect "the site's source holds what the build reads" packages.x86_64-linux.site \
  's: map (f: builtins.pathExists "${s.args.src}/${f}") [ "Cargo.lock" "Trunk.toml" "index.html" "static/sw.js" "scripts/post-build.sh" "scripts/sw-manifest.sh" "lessons" "nixpkgs-lite/default.nix" "crates/nixpad-eval/src/lib.rs" ]' \
  '[true,true,true,true,true,true,true,true,true]'
SERVE=$(nix eval --raw "$FLAKE#packages.x86_64-linux.serve.outPath" 2>/dev/null)
expect "apps.default runs the serve script" apps.x86_64-linux.default \
  'a: { type = a.type; program = a.program; }' \
  "{\"program\":\"$SERVE/bin/nixpad-serve\",\"type\":\"app\"}"
expect "the serve script runs nixpad serve on the built site" packages.x86_64-linux.serve \
  's: { uses = map (p: p.name) s.args.runtimeInputs; serves = builtins.match "exec nixpad serve --site /nix/store/[a-z0-9]+-nixpad-site-0.1.0 \"[$]@\"" s.args.text != null; }' \
  '{"serves":true,"uses":["nixpad-0.1.0"]}'
expect "devShell (Linux): Rust with wasm32, wasm-bindgen-cli, trunk, binaryen, nodejs, chromium" devShells.x86_64-linux.default \
  'd: { tools = map (p: p.pname or p.name) d.args.packages; targets = (builtins.head d.args.packages).targets; browser = d.args.env.CHROMIUM; }' \
  "{\"browser\":\"$(nix eval --raw "$FLAKE#devShells.x86_64-linux.default" --apply 'd: d.args.env.CHROMIUM' 2>/dev/null)\",\"targets\":[\"wasm32-unknown-unknown\"],\"tools\":[\"rust-1.95.0\",\"wasm-bindgen-cli\",\"trunk\",\"binaryen\",\"nodejs\",\"chromium\",\"chromedriver\"]}"
expect "devShell (macOS): no chromium" devShells.aarch64-darwin.default \
  'd: map (p: p.pname or p.name) d.args.packages' \
  '["rust-1.95.0","wasm-bindgen-cli","trunk","binaryen","nodejs"]'
expect "checks: the site, the CLI with its tests, the lessons, formatting" checks.x86_64-linux \
  'c: { names = builtins.attrNames c; tests = c.nixpad.args.cargoTestFlags; }' \
  '{"names":["formatting","lessons","nixpad","site"],"tests":["--package","nixpad-eval","--package","nixpad-lessons"]}'
expect "formatter is nixfmt-tree" formatter.x86_64-linux 'f: f.name' '"nixfmt-tree-1.0.0"'

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
