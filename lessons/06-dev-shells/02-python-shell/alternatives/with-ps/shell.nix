# withPackages inline, with `with` for the package names.
{ pkgs ? import <nixpkgs> { } }:
pkgs.mkShell {
  packages = [ (pkgs.python3.withPackages (ps: with ps; [ pytest requests ])) ];
  PYTHONDONTWRITEBYTECODE = "1";
}
