# Evaluates a NixOS configuration: nixos-lite's modules plus the given ones (as nixpkgs'
# nixos/lib/eval-config.nix, and `lib.nixosSystem` in flakes).
{ system ? "x86_64-linux", modules, specialArgs ? { }, lib ? import ../../lib }:
let
  eval = lib.evalModules {
    class = "nixos";
    specialArgs = { modulesPath = toString ../modules; } // specialArgs;
    modules = import ../modules/module-list.nix ++ [
      { nixpkgs.system = lib.mkDefault system; }
    ] ++ modules;
  };
in
eval // { inherit (eval._module.args) pkgs; }
