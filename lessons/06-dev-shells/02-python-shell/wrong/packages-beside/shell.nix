{ pkgs ? import <nixpkgs> { } }:
pkgs.mkShell {
  packages = [ pkgs.python3 pkgs.python3Packages.requests pkgs.python3Packages.pytest ];
  env.PYTHONDONTWRITEBYTECODE = "1";
}
