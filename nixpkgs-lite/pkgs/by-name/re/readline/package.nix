{
  lib,
  stdenv,
  fetchurl,
  ncurses,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "readline";
  version = "8.2p13";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/readline/readline-${lib.versions.majorMinor finalAttrs.version}.tar.gz";
    hash = "sha256-czB8uOBC2KypKUaELrktmTILSAEZfFXsmeR/tAONbNc=";
  };

  outputs = [ "out" "dev" ];
  # readline's headers and library need ncurses: it is propagated, so every package
  # with readline in its buildInputs gets ncurses too.
  propagatedBuildInputs = [ ncurses ];
  patches = [ ./link-against-ncurses.patch ];
  enableParallelBuilding = true;

  meta = {
    description = "Library for interactive line editing";
    homepage = "https://tiswww.case.edu/php/chet/readline/rltop.html";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
  };
})
