{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "gmp";
  version = "6.3.0";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/gmp/gmp-${finalAttrs.version}.tar.xz";
    hash = "sha256-hdLDRVRhUZrBPcDGR2nnIgXzzC22PwW+AO3j70unxtE=";
  };

  outputs = [ "out" "dev" ];
  configureFlags = [ "--enable-cxx" "--enable-fat" ];
  enableParallelBuilding = true;

  meta = {
    description = "GNU multiple precision arithmetic library";
    homepage = "https://gmplib.org";
    license = with lib.licenses; [ lgpl3Plus gpl2Plus ];
    platforms = lib.platforms.unix;
  };
})
