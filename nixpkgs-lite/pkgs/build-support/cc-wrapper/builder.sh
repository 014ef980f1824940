# Builds a compiler wrapper: `bin/gcc` and `bin/cc` run the real compiler with the C
# library's headers and the binutils of this wrapper, plus the flags the wrapper's setup
# hook collects from the build's dependencies (NIX_CFLAGS_COMPILE, NIX_LDFLAGS).
if [ -n "${stdenv:-}" ]; then source "$stdenv/setup"; else PATH="$cc/bin"; fi
mkdir -p "$out/bin" "$out/nix-support"
for prog in gcc g++ cc c++; do
  target=gcc
  case $prog in g++|c++) target=g++ ;; esac
  cat > "$out/bin/$prog" <<WRAPPER
#!$SHELL
exec "$cc/bin/$target" -B"$libc/lib" -isystem "$libc/include" -B"$bintools/bin" \$NIX_CFLAGS_COMPILE "\$@" \$NIX_LDFLAGS
WRAPPER
  chmod +x "$out/bin/$prog"
done
echo "$cc" > "$out/nix-support/orig-cc"
echo "$libc" > "$out/nix-support/orig-libc"
echo "$bintools" > "$out/nix-support/orig-bintools"
