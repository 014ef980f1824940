#!/usr/bin/env sh
# trunk post_build hook (Trunk.toml): writes into the staged sw.js the list of the site's
# files to cache and a version derived from their contents (any change of any file, hashed
# name or not, makes a new version, so an updated site updates the offline cache).
# Runs in trunk's staging directory ($TRUNK_STAGING_DIR) before it becomes dist/.
set -eu
cd "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
[ -f sw.js ] || { echo "sw-manifest: no sw.js in $TRUNK_STAGING_DIR" >&2; exit 1; }
files=$(find . -type f ! -name sw.js ! -name '*.map' | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $files; do sha256sum "$f"; done | sha256sum | cut -c1-16)
list=$(for f in $files; do printf "'%s', " "$f"; done)
awk -v version="$version" -v list="$list" '
  /^const VERSION = / { print "const VERSION = '\''" version "'\'';"; next }
  /^const FILES = / { sub(/, $/, "", list); print "const FILES = [" list "];"; next }
  { print }
' sw.js > sw.js.tmp && mv sw.js.tmp sw.js
grep -q "^const VERSION = '$version';" sw.js || { echo "sw-manifest: sw.js has no VERSION line" >&2; exit 1; }
echo "sw-manifest: version $version, $(printf '%s\n' $files | wc -l) files"
