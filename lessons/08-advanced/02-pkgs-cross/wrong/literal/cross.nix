# let
#   crossPkgs = pkgs.pkgsCross.${example};
#   cross = crossPkgs.${attr};
# in
# {
#   name = cross.name;
#   builtOn = cross.system;
#   runsOn = crossPkgs.stdenv.hostPlatform.system;
#   compilerPrefix = crossPkgs.stdenv.cc.targetPrefix;
#   libc = crossPkgs.stdenv.hostPlatform.libc;
#   sameSource = cross.src.outPath == pkgs.${attr}.src.outPath;
# }
pkgs: attr: example:
{
  name = "zlib-aarch64-unknown-linux-gnu-1.3.1";
  builtOn = "x86_64-linux";
  runsOn = "aarch64-linux";
  compilerPrefix = "aarch64-unknown-linux-gnu-";
  libc = "glibc";
  sameSource = true;
}
