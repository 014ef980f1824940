{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "binutils";
  version = "2.43.1";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/binutils/binutils-${finalAttrs.version}.tar.bz2";
    hash = "sha256-LGaWLnBL2EmEjAm2TMxxm3wocqxWFHqvnQoeHQO+uA8=";
  };

  configureFlags = [ "--enable-deterministic-archives" "--disable-werror" "--enable-gold" ];
  enableParallelBuilding = true;

  meta = {
    description = "Tools for manipulating binaries (linker, assembler, etc.)";
    homepage = "https://www.gnu.org/software/binutils/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.linux;
    mainProgram = "ld";
  };
})
