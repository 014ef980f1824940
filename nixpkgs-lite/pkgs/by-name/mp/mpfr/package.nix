{
  lib,
  stdenv,
  fetchurl,
  gmp,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "mpfr";
  version = "4.2.1";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/mpfr/mpfr-${finalAttrs.version}.tar.xz";
    hash = "sha256-ckC1WtBITcYJlpf0l2ojXYR31x07QMF0xbaHq7tWlzc=";
  };

  outputs = [ "out" "dev" ];
  # mpfr's headers include gmp's: whoever builds with mpfr gets gmp too.
  propagatedBuildInputs = [ gmp ];
  enableParallelBuilding = true;

  meta = {
    description = "Library for multiple-precision floating-point computations with correct rounding";
    homepage = "https://www.mpfr.org";
    license = lib.licenses.lgpl3Plus;
    platforms = lib.platforms.unix;
  };
})
