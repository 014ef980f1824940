{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "glibc";
  version = "2.40";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/glibc/glibc-${finalAttrs.version}.tar.xz";
    hash = "sha256-fzqaVznRI6QB+ZfDKG+NNw7eZXAqVzJ4E5U0vO6V/5U=";
  };

  outputs = [ "out" "dev" "bin" ];
  configureFlags = [ "--enable-kernel=3.10.0" "--enable-stack-protector=strong" "--enable-bind-now" ];
  enableParallelBuilding = true;

  meta = {
    description = "The GNU C Library";
    homepage = "https://www.gnu.org/software/libc/";
    license = lib.licenses.lgpl21Plus;
    platforms = lib.platforms.linux;
  };
})
