# Builds the package set: checks the arguments, elaborates the platforms, then runs the
# bootstrap stages of the standard environment (pkgs/stdenv/booter.nix); the last stage is
# the package set `import <nixpkgs> { }` returns, with the overlays applied.
#
# With a `crossSystem` other than the local one, that native set becomes `buildPackages`
# (the same overlays and config, run on the build machine) and one more stage on top of it
# builds for the cross platform (pkgs/stdenv/cross).
{ localSystem, crossSystem, overlays, config }@args:
let
  lib = import ../../lib;

  hostPlatform = lib.systems.elaborate localSystem;
  crossPlatform = if crossSystem == null then null else lib.systems.elaborate crossSystem;
  isCross = crossPlatform != null
    && (crossPlatform.config != hostPlatform.config || crossPlatform.isStatic != hostPlatform.isStatic);

  checkedOverlays =
    if !builtins.isList overlays then
      throw "nixpkgs-lite: the 'overlays' argument must be a list of functions 'final: prev: { ... }', but it is a ${builtins.typeOf overlays}."
    else
      lib.imap1 (i: o:
        if lib.isFunction o then o
        else throw "nixpkgs-lite: overlay number ${toString i} must be a function 'final: prev: { ... }', but it is a ${builtins.typeOf o}.") overlays;

  # `config` may also be a function of `{ pkgs }`, as in nixpkgs.
  config0 = if lib.isFunction config then config { pkgs = finalPackages; } else config;

  # The options nixpkgs-lite reads, with their types; anything else is kept as given.
  knownOptions = {
    allowUnfree = builtins.isBool;
    allowBroken = builtins.isBool;
    allowUnsupportedSystem = builtins.isBool;
    allowUnfreePredicate = lib.isFunction;
    allowInsecurePredicate = lib.isFunction;
    permittedInsecurePackages = builtins.isList;
    packageOverrides = lib.isFunction;
    doCheckByDefault = builtins.isBool;
    structuredAttrsByDefault = builtins.isBool;
  };
  checkedConfig =
    if !builtins.isAttrs config0 then
      throw "nixpkgs-lite: the 'config' argument must be a set (or a function returning one), but it is a ${builtins.typeOf config0}."
    else
      builtins.mapAttrs (name: value:
        if knownOptions ? ${name} && !(knownOptions.${name} value) then
          throw "nixpkgs-lite: config.${name} has the wrong type (${builtins.typeOf value})."
        else value) config0;

  # `import <nixpkgs>` again with changed arguments (for `extend` and `appendOverlays`).
  nixpkgsFun = newArgs: import ./. (args // newArgs);

  stages = import ../stdenv/linux {
    inherit lib hostPlatform;
    config = checkedConfig;
  };

  nativePackages = import ../stdenv/booter.nix {
    inherit lib stages hostPlatform nixpkgsFun;
    config = checkedConfig;
    overlays = checkedOverlays;
  };

  crossPackages =
    let
      buildPackages = nixpkgsFun { crossSystem = null; };
    in
    import ./stage.nix {
      inherit lib nixpkgsFun buildPackages;
      config = checkedConfig;
      hostPlatform = crossPlatform;
      buildPlatform = hostPlatform;
      stdenv = import ../stdenv/cross {
        inherit lib buildPackages crossPlatform;
        config = checkedConfig;
      };
      byNamePaths = import ./by-name.nix { inherit lib; };
      overlays = checkedOverlays;
      allowCustomOverrides = true;
      # Downloads are the same for every platform: the build platform's fetchers.
      stageOverrides = final: prev:
        builtins.intersectAttrs (import ../build-support/fetchers.nix { inherit lib; pkgs = final; }) buildPackages;
    };

  finalPackages = if isCross then crossPackages else nativePackages;
in
finalPackages
