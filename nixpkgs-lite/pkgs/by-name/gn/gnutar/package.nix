{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "gnutar";
  version = "1.35";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/tar/tar-${finalAttrs.version}.tar.xz";
    hash = "sha256-IqrqikncZozxxuFO8rR5oqtpDKvlO3fdnzl/tvk+87w=";
  };

  enableParallelBuilding = true;

  meta = {
    description = "GNU implementation of the `tar' archiver";
    homepage = "https://www.gnu.org/software/tar/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
    mainProgram = "tar";
  };
})
