# Everything read from the cross-built package itself: a package made by mkDerivation
# keeps the stdenv it was made with.
pkgs: attr: example:
let
  p = pkgs.pkgsCross.${example}.${attr};
  inherit (p.stdenv) hostPlatform buildPlatform cc;
in
{
  inherit (p) name;
  builtOn = buildPlatform.system;
  runsOn = hostPlatform.system;
  compilerPrefix = cc.targetPrefix;
  inherit (hostPlatform) libc;
  sameSource = p.src.outPath == pkgs.${attr}.src.outPath;
}
