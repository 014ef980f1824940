# The builds a release of a program needs, from the package set `pkgs`.
{ pkgs ? import <nixpkgs> { } }:
{
  # For the download page: the package `name` ("jq") as programs that run on any Linux
  # machine with this CPU, with or without Nix: no library to find at run time.
  portable = name: pkgs.pkgsMusl.${name};

  # For musl-based systems: the package `name` linked against musl as a shared library,
  # by a toolchain that itself runs on musl (no cross-compiler).
  musl = name: pkgs.pkgsMusl.${name};

  # How the programs of a package (a derivation made by mkDerivation) are built:
  #   static  whether they are linked statically,
  #   libc    the C library they use ("glibc", "musl"…),
  #   cross   whether their build used a cross-compiler.
  linkage = drv:
    let
      inherit (drv.stdenv) buildPlatform hostPlatform;
    in
    {
      static = hostPlatform.isStatic;
      libc = hostPlatform.libc;
      # Static-ness is part of the platform too: static musl built on a musl machine is
      # still a cross build.
      cross = buildPlatform.config != hostPlatform.config || buildPlatform.isStatic != hostPlatform.isStatic;
    };
}
