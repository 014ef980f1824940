# Propagated inputs reach whoever depends on the package; setup hooks of native inputs
# (pkg-config, the compiler wrapper) see them, and their effect is in the derivation.
let
  pkgs = import <nixpkgs> { };
  inherit (pkgs) lib stdenv;
  app = stdenv.mkDerivation {
    pname = "app";
    version = "1.0";
    src = ./propagation.nix;
    nativeBuildInputs = [ pkgs.pkg-config ];
    buildInputs = [ pkgs.readline ];
  };
  mentions = name: value: lib.hasInfix name value;
in
{
  readlinePropagates = map (d: d.pname) pkgs.readline.propagatedBuildInputs;
  appBuildInputs = map (d: d.pname) app.buildInputs;
  pkgConfigSeesNcurses = mentions "-ncurses-6.5-dev/lib/pkgconfig" app.PKG_CONFIG_PATH;
  compilerSeesNcurses = mentions "-ncurses-6.5-dev/include" app.NIX_CFLAGS_COMPILE;
  linkerSeesNcurses = mentions "-ncurses-6.5/lib" app.NIX_LDFLAGS;
  withoutPkgConfig = (app.overrideAttrs { nativeBuildInputs = [ ]; }) ? PKG_CONFIG_PATH;
  noDepsNoFlags = pkgs.hello ? NIX_CFLAGS_COMPILE;
  devOutputChosen = (builtins.head app.buildInputs).outputName;
}
