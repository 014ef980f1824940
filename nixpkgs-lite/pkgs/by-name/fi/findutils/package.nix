{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "findutils";
  version = "4.10.0";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/findutils/findutils-${finalAttrs.version}.tar.xz";
    hash = "sha256-vwZ/e9ufhnPVnkbESD0H/JnyOC/wF4iaFv36a4bj8Ws=";
  };

  enableParallelBuilding = true;

  meta = {
    description = "GNU find, xargs and locate";
    homepage = "https://www.gnu.org/software/findutils/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
    mainProgram = "find";
  };
})
