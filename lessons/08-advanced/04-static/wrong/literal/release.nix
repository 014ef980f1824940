# portable = name: pkgs.pkgsStatic.${name};
# musl = name: pkgs.pkgsMusl.${name};
# linkage = drv: { static = hostPlatform.isStatic; libc = hostPlatform.libc; cross = buildPlatform.config != hostPlatform.config; };
{ pkgs ? import <nixpkgs> { } }:
{
  portable = name: pkgs.pkgsStatic.jq;
  musl = name: pkgs.pkgsMusl.jq;
  linkage = drv: { static = true; libc = "musl"; cross = true; };
}
