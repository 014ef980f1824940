# Facts about cross-compiling the package `attr` (its attribute name: "zlib") of the
# package set `pkgs` for the platform `example` (a name in lib.systems.examples, as in
# pkgs.pkgsCross.aarch64-multiplatform).
pkgs: attr: example:
let
  crossPkgs = pkgs.pkgsCross.${example};
  native = pkgs.${attr};
  cross = crossPkgs.${attr};
in
{
  # The cross-built package's name.
  name = cross.name;
  # The system its .drv is built on.
  builtOn = cross.system;
  # The system its programs run on.
  runsOn = crossPkgs.stdenv.hostPlatform.system;
  # The prefix of the C compiler its build calls ("aarch64-unknown-linux-gnu-").
  compilerPrefix = crossPkgs.stdenv.cc.targetPrefix;
  # The C library its programs use ("glibc", "musl", "msvcrt").
  libc = crossPkgs.stdenv.hostPlatform.libc;
  # Whether it is built from the same download (the same file) as the native package.
  sameSource = cross.src.outPath == native.src.outPath;
}
