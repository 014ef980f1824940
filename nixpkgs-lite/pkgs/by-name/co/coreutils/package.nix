{
  lib,
  stdenv,
  fetchurl,
  gmp,
  withGmp ? true,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "coreutils";
  version = "9.5";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/coreutils/coreutils-${finalAttrs.version}.tar.xz";
    hash = "sha256-Av0zgl+7zKJfm0jlJp34x1LmLQ1mchJSusX8RzTuyxI=";
  };

  buildInputs = lib.optional withGmp gmp;
  configureFlags = [ "--enable-single-binary=symlinks" (lib.withFeature withGmp "gmp") ];
  enableParallelBuilding = true;

  meta = {
    description = "The GNU core utilities: ls, cp, mv, cat, sort, ...";
    homepage = "https://www.gnu.org/software/coreutils/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
  };
})
