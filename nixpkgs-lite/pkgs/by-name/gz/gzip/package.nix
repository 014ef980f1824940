{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "gzip";
  version = "1.13";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/gzip/gzip-${finalAttrs.version}.tar.xz";
    hash = "sha256-SaY2t738tBs59732A+gOH3rBgIIHK9UZ1nifeMfiHx0=";
  };

  enableParallelBuilding = true;

  meta = {
    description = "GNU zip compression program";
    homepage = "https://www.gnu.org/software/gzip/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
    mainProgram = "gzip";
  };
})
