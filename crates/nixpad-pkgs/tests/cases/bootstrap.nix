# The standard environment is bootstrapped in stages; the final package set's toolchain
# packages are the very ones the final stdenv is made of, and overlays cannot replace them
# (the bootstrap's overrides come last, as in nixpkgs).
let
  pkgs = import <nixpkgs> { };
  stage1 = pkgs.stdenv.__bootPackages;
  stage0 = stage1.stdenv.__bootPackages;
  swapped = pkgs.extend (final: prev: { bash = prev.hello; zlib = prev.hello; });
in
{
  stages = [ stage0.stdenv.name stage1.stdenv.name pkgs.stdenv.name ];
  shellIsPkgsBash = pkgs.stdenv.shell == "${pkgs.bash}/bin/bash";
  stage1BuildsBash = pkgs.bash.drvPath == stage1.bash.drvPath;
  stage1BashUsesBootstrapShell = stage1.stdenv.shell == stage0.stdenv.shell;
  compilerFromStage0 = pkgs.gcc-unwrapped.drvPath == stage0.gcc-unwrapped.drvPath;
  overlayCannotReplaceBash = swapped.bash.name;
  overlayReplacesZlib = swapped.zlib.name;
  noCC = [ pkgs.stdenv.hasCC pkgs.stdenvNoCC.hasCC ];
}
