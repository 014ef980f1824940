{
  lib,
  stdenv,
  fetchurl,
  gmp,
  mpfr,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "libmpc";
  version = "1.3.1";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/mpc/mpc-${finalAttrs.version}.tar.gz";
    hash = "sha256-QRmJ0GxBKY77e1NbL7sWB4NZro5wZD32po1HHnzvbwg=";
  };

  buildInputs = [ gmp mpfr ];
  enableParallelBuilding = true;

  meta = {
    description = "Library for multiprecision complex arithmetic with exact rounding";
    homepage = "https://www.multiprecision.org/mpc/";
    license = lib.licenses.lgpl3Plus;
    platforms = lib.platforms.unix;
  };
})
