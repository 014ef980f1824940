{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "gnused";
  version = "4.9";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/sed/sed-${finalAttrs.version}.tar.xz";
    hash = "sha256-MqMm4mh03VnSe6v5eM7DHm9Nf7ZLN0Zh531NEfpHVDA=";
  };

  enableParallelBuilding = true;

  meta = {
    description = "GNU sed, a batch stream editor";
    homepage = "https://www.gnu.org/software/sed/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
    mainProgram = "sed";
  };
})
