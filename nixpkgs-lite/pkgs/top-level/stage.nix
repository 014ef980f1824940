# One package set: the fixed point of the layers below, in order (later layers see earlier
# ones as `prev`, and everybody sees the result as `final`):
#   1. the set's machinery (lib, stdenv, callPackage, extend, ...),
#   2. trivial builders and fetchers,
#   3. all-packages.nix,
#   4. config.packageOverrides (last stage only),
#   5. the user's overlays, in order (last stage only),
#   6. the bootstrap stage's overrides (packages brought forward from earlier stages).
{ lib, config, hostPlatform, stdenv, overlays, allowCustomOverrides, stageOverrides, nixpkgsFun, byNamePaths }:
let
  machinery = final: prev: {
    inherit lib config stdenv;
    # The folder this package set was imported from.
    path = ../..;
    # The set itself.
    pkgs = final;
    buildPlatform = hostPlatform;
    inherit hostPlatform;
    targetPlatform = hostPlatform;
    # `callPackage fn args`: calls `fn` with the packages it names, `args` on top.
    callPackage = lib.callPackageWith final;
    callPackages = lib.callPackagesWith final;
    # A `callPackage` that also sees `extra`.
    newScope = extra: lib.callPackageWith (final // extra);
    # The whole set again with more overlays (re-imports nixpkgs with them).
    appendOverlays = extraOverlays:
      if extraOverlays == [ ] then final else nixpkgsFun { overlays = overlays ++ extraOverlays; };
    extend = overlay: final.appendOverlays [ overlay ];
  };

  trivialBuilders = final: prev:
    import ../build-support/trivial-builders.nix { inherit lib; pkgs = final; }
    // import ../build-support/fetchers.nix { inherit lib; pkgs = final; };

  allPackages = import ./all-packages.nix { inherit lib config byNamePaths; };

  configOverrides = final: prev:
    lib.optionalAttrs allowCustomOverrides ((config.packageOverrides or (super: { })) prev);

  layers = [ machinery trivialBuilders allPackages configOverrides ] ++ overlays ++ [ stageOverrides ];
in
lib.fix (builtins.foldl' (f: overlay: lib.extends overlay f) (final: { }) layers)
