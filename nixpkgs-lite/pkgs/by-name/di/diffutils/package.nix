{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "diffutils";
  version = "3.10";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/diffutils/diffutils-${finalAttrs.version}.tar.xz";
    hash = "sha256-FnKVCfDZNGAbYcsk1kxW7oqjtkgm9Tuph6X6zlH3Ruo=";
  };

  enableParallelBuilding = true;

  meta = {
    description = "Commands for showing the differences between files (diff, cmp, etc.)";
    homepage = "https://www.gnu.org/software/diffutils/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
    mainProgram = "diff";
  };
})
