# One package set: the fixed point of the layers below, in order (later layers see earlier
# ones as `prev`, and everybody sees the result as `final`):
#   1. the set's machinery (lib, stdenv, callPackage, extend, ...),
#   2. trivial builders and fetchers,
#   3. all-packages.nix,
#   4. config.packageOverrides (last stage only),
#   5. the user's overlays, in order (last stage only),
#   6. the bootstrap stage's overrides (packages brought forward from earlier stages).
#
# A cross-compiling set (`buildPackages` given) is spliced: the packages `callPackage`
# passes carry their build platform's twin (see stdenv/generic/make-derivation.nix).
{ lib, config, hostPlatform, stdenv, overlays, allowCustomOverrides, stageOverrides, nixpkgsFun, byNamePaths,
  buildPlatform ? hostPlatform, buildPackages ? null }:
let
  isCross = buildPackages != null;

  # Each derivation with its build platform's twin (`__spliced`), for `callPackage`.
  splice = final: builtins.mapAttrs (name: value:
    if buildPackages ? ${name} && lib.isDerivation value then
      value // {
        __spliced = {
          buildHost = buildPackages.${name};
          hostTarget = value;
          buildBuild = buildPackages.${name};
        };
      }
    else value) final;

  machinery = final: prev:
    let
      packages = if isCross then splice final else final;
    in
    {
    inherit lib config stdenv;
    # The folder this package set was imported from.
    path = ../..;
    # The set itself.
    pkgs = final;
    inherit buildPlatform hostPlatform;
    targetPlatform = hostPlatform;
    # The package set of the build platform: the tools that run during builds. Natively,
    # the set itself.
    buildPackages = if isCross then buildPackages else final;
    pkgsBuildHost = final.buildPackages;
    pkgsHostTarget = final;
    # Package sets for other platforms, by `lib.systems.examples` name
    # (`pkgsCross.aarch64-multiplatform.hello`).
    pkgsCross = builtins.mapAttrs (name: crossSystem: nixpkgsFun { inherit crossSystem; }) lib.systems.examples;
    # Static programs, linked against musl.
    pkgsStatic = nixpkgsFun {
      crossSystem = { config = "${hostPlatform.parsed.cpu.name}-unknown-linux-musl"; isStatic = true; };
    };
    # The same platform with musl instead of glibc (built natively).
    pkgsMusl = nixpkgsFun {
      localSystem = { config = "${hostPlatform.parsed.cpu.name}-unknown-linux-musl"; };
      crossSystem = null;
    };
    # `callPackage fn args`: calls `fn` with the packages it names, `args` on top.
    callPackage = lib.callPackageWith packages;
    callPackages = lib.callPackagesWith packages;
    # A `callPackage` that also sees `extra`.
    newScope = extra: lib.callPackageWith (packages // extra);
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
