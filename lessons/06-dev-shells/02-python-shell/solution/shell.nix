# A shell for a Python project: a python3 that can import requests and pytest (and what
# they need), and PYTHONDONTWRITEBYTECODE set to "1".
{ pkgs ? import <nixpkgs> { } }:
let
  python = pkgs.python3.withPackages (ps: [ ps.requests ps.pytest ]);
in
pkgs.mkShell {
  packages = [ python ];
  env.PYTHONDONTWRITEBYTECODE = "1";
}
