pkgs: attr: example:
let
  other = import pkgs.path { localSystem = pkgs.lib.systems.examples.${example}; };
  p = other.${attr};
in
{
  name = p.name;
  builtOn = p.system;
  runsOn = other.stdenv.hostPlatform.system;
  compilerPrefix = other.stdenv.cc.targetPrefix;
  libc = other.stdenv.hostPlatform.libc;
  sameSource = p.src.outPath == pkgs.${attr}.src.outPath;
}
