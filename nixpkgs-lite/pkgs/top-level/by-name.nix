# The packages of pkgs/by-name: `pkgs/by-name/he/hello/package.nix` is `pkgs.hello`,
# called with `callPackage` (as nixpkgs does). The two letters are the name's first two,
# which keeps directories small.
{ lib }:
let
  root = ../by-name;
  shards = builtins.attrNames (lib.filterAttrs (_: type: type == "directory") (builtins.readDir root));
  packagesIn = shard:
    map (name: lib.nameValuePair name (root + "/${shard}/${name}/package.nix"))
      (builtins.attrNames (lib.filterAttrs (_: type: type == "directory") (builtins.readDir (root + "/${shard}"))));
in
# name → path of its package.nix
builtins.listToAttrs (lib.concatMap packagesIn shards)
