# A nixpkgs config: import <nixpkgs> { config = import ./config.nix; }
let
  lib = import <nixpkgs/lib>;
in
{
  allowUnfreePredicate = pkg: builtins.elem (lib.getName pkg) [ "unrar" ];
}
