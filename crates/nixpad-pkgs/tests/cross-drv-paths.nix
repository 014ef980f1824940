# Every package's .drv path in a cross-compiling package set (`pkgsCross.${platform}`), as
# all-drv-paths.nix lists them natively; a package refused on that platform (a binary-only
# package, say) is listed as "refused". Compared with real Nix by the CLI's tests.
#   nix-instantiate --eval --strict -I nixpkgs=nixpkgs-lite cross-drv-paths.nix --argstr platform aarch64-multiplatform
{ platform }:
let
  pkgs = (import <nixpkgs> { config.allowUnfree = true; }).pkgsCross.${platform};
  inherit (pkgs) lib;
  drvPathOrRefused = value:
    let tried = builtins.tryEval value.drvPath; in if tried.success then tried.value else "refused";
  walk = prefix: set: lib.concatMap (name:
    let value = set.${name}; in
    if lib.isDerivation value then [ (lib.nameValuePair "${prefix}${name}" (drvPathOrRefused value)) ]
    else if builtins.isAttrs value && (value.recurseForDerivations or false) then walk "${prefix}${name}." value
    else [ ]) (builtins.attrNames set);
in
builtins.listToAttrs (walk "" pkgs)
