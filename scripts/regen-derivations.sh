#!/usr/bin/env bash
# Regenerate the derivation known answers (crates/nixpad-eval/tests/derivations) from the
# oracle, real Nix 2.26, with a throw-away local store so that .drv files are written.
#
#   scripts/regen-derivations.sh            # every NAME.nix
#   scripts/regen-derivations.sh FILE.nix   # only these
#
# NAME.nix evaluates to one derivation. For it this writes:
#   NAME.json  `nix derivation show -r` of it (every derivation in its closure)
#   NAME.drv   each .drv file of the closure, sorted by path: the path on one line, then
#              the file's exact bytes, then a newline
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=$root/crates/nixpad-eval/tests/derivations
oracle=${NIX_ORACLE:-/work/shared/tools/nix-oracle}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
store="local?root=$tmp/store"

files=("$@")
if ((${#files[@]} == 0)); then files=("$dir"/*.nix); fi
for f in "${files[@]}"; do
  base=${f%.nix}
  # A vector may enable experimental features on its first line (tests/derivations.rs too).
  features=$(head -n1 "$f" | sed -n 's/^# experimental-features://p')
  timeout -s KILL 60 "$oracle" nix-instantiate --extra-experimental-features "$features" \
    --store "$store" "$f" >/dev/null 2>"$tmp/err" \
    || { echo "FAIL $f: $(tail -n1 "$tmp/err")" >&2; exit 1; }
  timeout -s KILL 60 "$oracle" nix --extra-experimental-features "nix-command $features" --store "$store" \
    derivation show -r --impure -f "$f" >"$base.json" 2>"$tmp/err" \
    || { echo "FAIL $f: $(tail -n1 "$tmp/err")" >&2; exit 1; }
  : >"$base.drv"
  for p in $(grep -oE '^  "/nix/store/[^"]+\.drv"' "$base.json" | tr -d ' "' | sort); do
    { echo "$p"; cat "$tmp/store$p"; echo; } >>"$base.drv"
  done
  echo "wrote $(basename "$base").json and .drv ($(grep -c '^/nix/store/' "$base.drv") derivations)"
done
