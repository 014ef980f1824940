{
  lib,
  stdenv,
  fetchurl,
  pcre2,
  pcreSupport ? false,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "gnugrep";
  version = "3.11";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/grep/grep-${finalAttrs.version}.tar.xz";
    hash = "sha256-iHNfdAesOXOfF/MUoacvtYQKlou/vcZpPRh+u0wadwo=";
  };

  buildInputs = lib.optional pcreSupport pcre2;
  configureFlags = [ (lib.enableFeature pcreSupport "perl-regexp") ];
  enableParallelBuilding = true;

  meta = {
    description = "GNU implementation of the Unix grep command";
    homepage = "https://www.gnu.org/software/grep/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
    mainProgram = "grep";
  };
})
