# Facts about cross-compiling the package `attr` (its attribute name: "zlib") of the
# package set `pkgs` for the platform `example` (a name in lib.systems.examples, as in
# pkgs.pkgsCross.aarch64-multiplatform).
pkgs: attr: example:
{
  # The cross-built package's name.
  name = null;
  # The system its .drv is built on.
  builtOn = null;
  # The system its programs run on.
  runsOn = null;
  # The prefix of the C compiler its build calls ("aarch64-unknown-linux-gnu-").
  compilerPrefix = null;
  # The C library its programs use ("glibc", "musl", "msvcrt").
  libc = null;
  # Whether it is built from the same download (the same file) as the native package.
  sameSource = null;
}
