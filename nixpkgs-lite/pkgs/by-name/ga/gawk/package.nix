{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "gawk";
  version = "5.3.1";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/gawk/gawk-${finalAttrs.version}.tar.xz";
    hash = "sha256-4lUfVWOD9P8/79aKEK+r6cs4LfYDF+PdgMYM9vBMZdA=";
  };

  enableParallelBuilding = true;

  meta = {
    description = "GNU implementation of the Awk programming language";
    homepage = "https://www.gnu.org/software/gawk/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
    mainProgram = "gawk";
  };
})
