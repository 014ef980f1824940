{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "gnumake";
  version = "4.4.1";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/make/make-${finalAttrs.version}.tar.gz";
    hash = "sha256-S77yQwcFUyVtV3UOKY/QSvAQjmcN6SPk/gPBwa8CPcg=";
  };

  enableParallelBuilding = true;

  meta = {
    description = "Tool to control the generation of non-source files from sources";
    homepage = "https://www.gnu.org/software/make/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
    mainProgram = "make";
  };
})
