# ShellCheck, as its upstream static binary (nixpkgs builds it from Haskell sources).
# `writeShellApplication` runs it on the scripts it writes.
{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "shellcheck";
  version = "0.10.0";

  src = fetchurl {
    url = "https://github.com/koalaman/shellcheck/releases/download/v${finalAttrs.version}/shellcheck-v${finalAttrs.version}.linux.x86_64.tar.xz";
    hash = "sha256-3PoPVi2Gdx5aFcVWBYBhpNL2ALdLXHOfNbjnruztVHA=";
  };

  dontConfigure = true;
  dontBuild = true;
  installPhase = ''
    install -Dm755 shellcheck $out/bin/shellcheck
  '';

  meta = {
    description = "Shell script analysis tool";
    homepage = "https://www.shellcheck.net/";
    license = lib.licenses.gpl3Plus;
    platforms = [ "x86_64-linux" ];
    mainProgram = "shellcheck";
  };
})
