# Downloads the first of $urls that works with curl, checks nothing itself (Nix checks the
# fixed-output hash), and runs $postFetch.
source "$stdenv/setup"
downloaded=
for url in $urls; do
  if curl --location --fail --retry 3 $curlOpts --output "$out" "$url"; then downloaded=1; break; fi
done
[ -n "$downloaded" ] || { echo "error: cannot download $name from any of: $urls" >&2; exit 1; }
if [ -n "$executable" ]; then chmod +x "$out"; fi
eval "$postFetch"
