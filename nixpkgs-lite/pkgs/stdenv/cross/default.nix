# The standard environment of a cross-compiling package set: builds run on the build
# platform (`buildPackages`, the native package set) and make programs for `crossPlatform`.
#
# Its compiler is a cross-compiler: gcc and binutils built natively with another
# `targetPlatform`. That raises the bootstrap's circle again: the compiler's wrapper needs
# the host platform's C library, and that library must be compiled by the compiler. As in
# nixpkgs, the circle is broken with a first wrapper that has no C library, enough to
# compile the C library itself (glibc, musl, or MinGW-w64's runtime for Windows); the
# stdenv packages use wraps the compiler with that library.
{ lib, config, buildPackages, crossPlatform }:
let
  native = buildPackages;
  gccCross = native.gcc-unwrapped.override { targetPlatform = crossPlatform; };
  binutilsCross = native.binutils-unwrapped.override { targetPlatform = crossPlatform; };

  mkStdenv = import ../generic { inherit lib config; };
  stdenvWith = name: cc: mkStdenv {
    inherit name cc;
    buildPlatform = native.stdenv.hostPlatform;
    hostPlatform = crossPlatform;
    # The build itself runs natively: the native shell and tools.
    inherit (native.stdenv) shell initialPath fetchurlBoot;
  };

  ccWithoutLibc = native.wrapCCWith { cc = gccCross; bintools = binutilsCross; libc = null; };
  stdenvWithoutLibc = stdenvWith "stdenv-${crossPlatform.config}-nolibc" ccWithoutLibc;

  libcPackage =
    if crossPlatform.isWindows then ../../os-specific/windows/mingw-w64.nix
    else if crossPlatform.isMusl then ../../by-name/mu/musl/package.nix
    else ../../by-name/gl/glibc/package.nix;
  libcCross = native.callPackage libcPackage { stdenv = stdenvWithoutLibc; };

  ccCross = native.wrapCCWith { cc = gccCross; bintools = binutilsCross; libc = libcCross; };
in
stdenvWith "stdenv-linux" ccCross // { inherit libcCross; }
