# The builds a release of a program needs, from the package set `pkgs`.
{ pkgs ? import <nixpkgs> { } }:
{
  # For the download page: the package `name` ("jq") as programs that run on any Linux
  # machine with this CPU, with or without Nix: no library to find at run time.
  portable = name: null;

  # For musl-based systems: the package `name` linked against musl as a shared library,
  # by a toolchain that itself runs on musl (no cross-compiler).
  musl = name: null;

  # How the programs of a package (a derivation made by mkDerivation) are built:
  #   static  whether they are linked statically,
  #   libc    the C library they use ("glibc", "musl"…),
  #   cross   whether their build used a cross-compiler.
  linkage = drv: {
    static = null;
    libc = null;
    cross = null;
  };
}
