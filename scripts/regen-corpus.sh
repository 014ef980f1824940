#!/usr/bin/env bash
# Regenerate the expected outputs (.exp) of the Nix language test corpus
# (crates/nixpad-eval/tests/lang) from the oracle, real Nix 2.26.
#
#   scripts/regen-corpus.sh                 # every eval-okay-*.nix / eval-fail-*.nix
#   scripts/regen-corpus.sh FILE.nix ...    # only these cases
#   scripts/regen-corpus.sh --check [FILE.nix ...]
#                                           # write nothing; report cases whose .exp differs
#
# eval-okay-X.nix -> X.exp = stdout of `nix-instantiate --eval --strict X.nix` (must exit 0).
# eval-fail-X.nix -> X.exp = text after `error: ` on the LAST stderr line matching
#                    `^\s*error: .+`, plus one newline (must exit non-zero, not time out).
# Files under lib/ are helpers for import, not cases. A case whose first line is
# `# experimental-features: NAME...` is evaluated with those features.
# Prints how many cases were processed; exits 1 if any case misbehaved.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=$root/crates/nixpad-eval/tests/lang
oracle=${NIX_ORACLE:-/work/shared/tools/nix-oracle}

check=0
if [[ ${1:-} == --check ]]; then check=1; shift; fi

files=()
if (($#)); then
  files=("$@")
else
  shopt -s nullglob
  files=("$dir"/eval-okay-*.nix "$dir"/eval-fail-*.nix)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n_okay=0 n_fail=0 n_bad=0 n_changed=0
for f in "${files[@]}"; do
  case $(basename "$f") in
    eval-okay-*.nix) kind=okay ;;
    eval-fail-*.nix) kind=fail ;;
    *) echo "skip (not a case): $f" >&2; continue ;;
  esac
  [[ -f $f ]] || { echo "BAD  $f: no such file" >&2; ((n_bad++)); continue; }
  exp=${f%.nix}.exp
  # A case may enable experimental features on its first line (tests/corpus.rs reads it too).
  features=$(head -n1 "$f" | sed -n 's/^# experimental-features://p')
  timeout -s KILL 10 "$oracle" nix-instantiate --store dummy:// --eval --strict \
    --extra-experimental-features "$features" "$f" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if ((rc == 124 || rc == 137)); then
    echo "BAD  $f: timed out" >&2; ((n_bad++)); continue
  fi
  if [[ $kind == okay ]]; then
    if ((rc != 0)); then
      echo "BAD  $f: okay case exited $rc: $(grep -aE '^\s*error: .+' "$tmp/err" | tail -n1 | sed -E 's/^\s*error: //')" >&2
      ((n_bad++)); continue
    fi
    cp "$tmp/out" "$tmp/new"
    ((n_okay++))
  else
    if ((rc == 0)); then
      echo "BAD  $f: fail case exited 0 (stdout: $(head -c 200 "$tmp/out"))" >&2
      ((n_bad++)); continue
    fi
    # Paths under the corpus folder are written CORPUS/… (tests/lang.rs does the same).
    msg=$(grep -aE '^\s*error: .+' "$tmp/err" | tail -n1 | sed -E 's/^\s*error: //' | sed "s|$dir|CORPUS|g")
    if [[ -z $msg ]]; then
      echo "BAD  $f: fail case exited $rc without an error line" >&2
      ((n_bad++)); continue
    fi
    printf '%s\n' "$msg" >"$tmp/new"
    ((n_fail++))
  fi
  if ((check)); then
    if ! cmp -s "$tmp/new" "$exp"; then
      echo "DIFF $f" >&2
      diff "$exp" "$tmp/new" | head -n 6 >&2
      ((n_changed++))
    fi
  else
    cmp -s "$tmp/new" "$exp" 2>/dev/null || { cp "$tmp/new" "$exp"; ((n_changed++)); }
  fi
done

if ((check)); then verb="differ"; else verb="written"; fi
echo "cases: $((n_okay + n_fail)) (okay: $n_okay, fail: $n_fail); .exp $verb: $n_changed; problems: $n_bad"
((n_bad == 0 && (check == 0 || n_changed == 0)))
