# The package set modules receive as `pkgs`: nixpkgs-lite for `nixpkgs.system` with
# `nixpkgs.config` and `nixpkgs.overlays` (or `nixpkgs.pkgs` itself).
{ config, lib, ... }:
let cfg = config.nixpkgs; in
{
  options.nixpkgs = {
    system = lib.mkOption {
      type = lib.types.str;
      example = "aarch64-linux";
      description = "The platform the system runs on.";
    };
    config = lib.mkOption {
      type = lib.types.attrsOf lib.types.anything;
      default = { };
      example = { allowUnfree = true; };
      description = "The package set's configuration (as `import <nixpkgs> { config = ...; }`).";
    };
    overlays = lib.mkOption {
      type = lib.types.listOf lib.types.raw;
      default = [ ];
      description = "Overlays applied to the package set.";
    };
    pkgs = lib.mkOption {
      type = lib.types.raw;
      defaultText = lib.literalExpression "import <nixpkgs> { inherit (config.nixpkgs) system config overlays; }";
      description = "The package set itself; by default made from the options above.";
    };
  };

  config = {
    nixpkgs.pkgs = lib.mkOptionDefault (import ../../.. {
      inherit (cfg) system config overlays;
    });
    _module.args.pkgs = cfg.pkgs;
  };
}
