pkgs: attr: example:
let
  crossPkgs = pkgs.pkgsCross.${example};
  cross = crossPkgs.${attr};
in
{
  name = cross.name;
  builtOn = cross.system;
  runsOn = crossPkgs.stdenv.hostPlatform.system;
  compilerPrefix = crossPkgs.stdenv.cc.targetPrefix;
  libc = crossPkgs.stdenv.hostPlatform.libc;
  sameSource = true;
}
