# Clones $url at $rev into $out (without .git, unless $leaveDotGit), for a fixed-output hash.
source "$stdenv/setup"
git init --quiet "$out"
cd "$out"
git fetch --quiet --depth 1 "$url" "$rev"
git checkout --quiet FETCH_HEAD
if [ -n "$fetchSubmodules" ]; then git submodule update --init --recursive --depth 1; fi
if [ -z "$leaveDotGit" ]; then rm -rf .git; fi
