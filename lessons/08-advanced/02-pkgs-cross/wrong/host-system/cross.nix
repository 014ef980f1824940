pkgs: attr: example:
let
  crossPkgs = pkgs.pkgsCross.${example};
  cross = crossPkgs.${attr};
in
{
  name = cross.name;
  builtOn = crossPkgs.stdenv.hostPlatform.system;
  runsOn = crossPkgs.stdenv.hostPlatform.system;
  compilerPrefix = crossPkgs.stdenv.cc.targetPrefix;
  libc = crossPkgs.stdenv.hostPlatform.libc;
  sameSource = cross.src.outPath == pkgs.${attr}.src.outPath;
}
