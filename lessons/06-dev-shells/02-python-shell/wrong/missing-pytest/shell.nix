{ pkgs ? import <nixpkgs> { } }:
pkgs.mkShell {
  packages = [ (pkgs.python3.withPackages (ps: [ ps.requests ])) pkgs.python3Packages.pytest ];
  env.PYTHONDONTWRITEBYTECODE = "1";
}
