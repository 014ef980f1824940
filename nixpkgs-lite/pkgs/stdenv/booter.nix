# Runs the bootstrap: each stage is a function from the previous stage's package set to
# `{ name, stdenv, overrides }`; each stage's package set is the whole of all-packages.nix
# built with that stage's `stdenv`, and `overrides` (applied last) brings packages forward
# from earlier stages. Only the last stage sees the user's overlays and
# `config.packageOverrides`; it is what `import <nixpkgs> { }` returns.
#
# Why stages: `bash` is built with a stdenv, and a stdenv needs a shell. The first stage's
# stdenv uses prebuilt bootstrap tools; each later stage builds the next tools with the
# previous stage's stdenv, until the standard environment is made of packages built by Nix.
{ lib, config, hostPlatform, stages, overlays, nixpkgsFun }:
let
  stageCount = builtins.length stages;
  # Read once, shared by every stage.
  byNamePaths = import ../top-level/by-name.nix { inherit lib; };
  buildStage = index: prevStage:
    let
      isFinal = index == stageCount - 1;
      stage = builtins.elemAt stages index prevStage;
      stdenv = stage.stdenv // { __bootPackages = prevStage; };
    in
    import ../top-level/stage.nix {
      inherit lib config hostPlatform nixpkgsFun stdenv byNamePaths;
      overlays = if isFinal then overlays else [ ];
      allowCustomOverrides = isFinal;
      stageOverrides = stage.overrides or (final: prev: { });
    };
  go = index: prevStage:
    let pkgs = buildStage index prevStage;
    in if index == stageCount - 1 then pkgs else go (index + 1) pkgs;
in
go 0 { }
