# nixpkgs-lite: a miniature nixpkgs, written for learning, that real Nix and Nixpad evaluate
# alike. `import <nixpkgs> { }` gives the package set:
#
#   let pkgs = import <nixpkgs> { overlays = [ (final: prev: { ... }) ]; config = { allowUnfree = true; }; };
#   in pkgs.hello
#
# Nothing is ever built: every derivation and its .drv are real, with exact store paths, but
# sources are fixed-output derivations that are never fetched. See README.md.
{
  # The platform packages are built on and for (nixpkgs' `system` / `localSystem`).
  system ? builtins.currentSystem or "x86_64-linux",
  localSystem ? { inherit system; },
  # The platform packages are built for, when it is not the local one (cross-compilation:
  # a system double, a config triple, or `lib.systems.examples.aarch64-multiplatform`).
  crossSystem ? null,
  # Overlays (`final: prev: { ... }`), applied in order on top of the package set.
  overlays ? [ ],
  # Package-set configuration: allowUnfree, allowUnfreePredicate, allowBroken,
  # allowUnsupportedSystem, permittedInsecurePackages, packageOverrides, doCheckByDefault.
  config ? { },
}:
import ./pkgs/top-level {
  inherit localSystem crossSystem overlays config;
}
