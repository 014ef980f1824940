# Every package's .drv path, as `nixpad impact` lists packages: the derivations among the
# package set's attributes, and inside sets marked `recurseForDerivations`. Used by the
# tests (against real Nix and the committed list) and by scripts/bench-nixpkgs.sh.
#   nix-instantiate --eval --strict -I nixpkgs=nixpkgs-lite all-drv-paths.nix --arg overlays '[ ... ]'
{ overlays ? [ ], config ? { allowUnfree = true; } }:
let
  pkgs = import <nixpkgs> { inherit overlays config; };
  inherit (pkgs) lib;
  walk = prefix: set: lib.concatMap (name:
    let value = set.${name}; in
    if lib.isDerivation value then [ (lib.nameValuePair "${prefix}${name}" value.drvPath) ]
    else if builtins.isAttrs value && (value.recurseForDerivations or false) then walk "${prefix}${name}." value
    else [ ]) (builtins.attrNames set);
in
builtins.listToAttrs (walk "" pkgs)
