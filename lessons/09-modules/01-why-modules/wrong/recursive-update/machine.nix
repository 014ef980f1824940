let
  lib = import <nixpkgs/lib>;
  base = import ./base.nix;
  web = import ./web.nix;
in
lib.foldl' lib.recursiveUpdate { } [ base web { networking.hostName = "alpha"; } ]
