# The shell every build runs. `pkgs.bashInteractive` is this package with
# `interactive = true` (line editing through readline).
{
  lib,
  stdenv,
  fetchurl,
  readline,
  interactive ? false,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "bash";
  version = "5.2.37";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/bash/bash-${finalAttrs.version}.tar.gz";
    hash = "sha256-XvNxllskF/xVr1ZoO1/1/eqampOozcRuRztKFxz8iWw=";
  };

  outputs = [ "out" "dev" ];
  buildInputs = lib.optional interactive readline;
  configureFlags = [ (if interactive then "--with-installed-readline" else "--disable-readline") ];
  postInstall = "ln -s bash $out/bin/sh";
  passthru.shellPath = "/bin/bash";

  meta = {
    description = "GNU Bourne-Again Shell, the de facto standard shell on Linux";
    homepage = "https://www.gnu.org/software/bash/";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.unix;
    mainProgram = "bash";
  };
})
