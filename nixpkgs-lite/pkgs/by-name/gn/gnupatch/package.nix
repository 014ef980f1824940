{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "patch";
  version = "2.7.6";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/patch/patch-${finalAttrs.version}.tar.xz";
    hash = "sha256-/eQ2Ab4eAvjNw0tFubmf3D19ELo2DUySn3gpI5H1TGM=";
  };

  enableParallelBuilding = true;

  meta = {
    description = "GNU Patch, a program to apply differences to files";
    homepage = "https://savannah.gnu.org/projects/patch";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
    mainProgram = "patch";
  };
})
