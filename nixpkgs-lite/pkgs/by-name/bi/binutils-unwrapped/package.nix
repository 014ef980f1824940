# The linker, assembler and friends; with another `targetPlatform`, the ones that work on
# that platform's programs (`aarch64-unknown-linux-gnu-ld`), for a cross-compiler.
{
  lib,
  stdenv,
  fetchurl,
  targetPlatform,
}:
let
  isCross = targetPlatform.config != stdenv.hostPlatform.config;
  targetPrefix = lib.optionalString isCross "${targetPlatform.config}-";
in
stdenv.mkDerivation (finalAttrs: {
  pname = "${targetPrefix}binutils";
  version = "2.43.1";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/binutils/binutils-${finalAttrs.version}.tar.bz2";
    hash = "sha256-LGaWLnBL2EmEjAm2TMxxm3wocqxWFHqvnQoeHQO+uA8=";
  };

  configureFlags = [ "--enable-deterministic-archives" "--disable-werror" "--enable-gold" ]
    ++ lib.optional isCross "--target=${targetPlatform.config}";
  passthru = { inherit targetPlatform targetPrefix; };
  enableParallelBuilding = true;

  meta = {
    description = "Tools for manipulating binaries (linker, assembler, etc.)";
    homepage = "https://www.gnu.org/software/binutils/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.linux;
    mainProgram = "ld";
  };
})
