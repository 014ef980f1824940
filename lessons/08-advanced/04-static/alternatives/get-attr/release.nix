# Packages taken with builtins.getAttr, and the platforms compared attribute by attribute.
{ pkgs ? import <nixpkgs> { } }:
{
  portable = name: builtins.getAttr name pkgs.pkgsStatic;
  musl = name: builtins.getAttr name pkgs.pkgsMusl;
  linkage = drv: with drv.stdenv; {
    static = hostPlatform.isStatic;
    inherit (hostPlatform) libc;
    cross = builtins.any (attr: buildPlatform.${attr} != hostPlatform.${attr}) [ "config" "isStatic" ];
  };
}
