# The package set's contents, as an overlay `final: prev: { ... }` applied by stage.nix.
# Most packages live in pkgs/by-name and are called automatically; this file adds what
# needs arguments: variants (`curlMinimal`), builders, language package sets and toolchains.
{ lib, config, byNamePaths }:
final: prev:
let
  inherit (final) callPackage;
in
builtins.mapAttrs (name: path: callPackage path { }) byNamePaths
// {
  # The standard environment without a C compiler (for builds that only copy or write files).
  stdenvNoCC = final.stdenv.override { cc = null; };

  # The shell scripts are written for.
  runtimeShell = "${final.bash}/bin/bash";
  runtimeShellPackage = final.bash;

  # Compilers.
  wrapCCWith = callPackage ../build-support/cc-wrapper { };
  gcc = final.wrapCCWith {
    cc = final.gcc-unwrapped;
    bintools = final.binutils-unwrapped;
    libc = final.glibc;
  };
  binutils = final.binutils-unwrapped;

  # Development shells.
  mkShell = callPackage ../build-support/mkshell { };
  mkShellNoCC = final.mkShell.override { stdenv = final.stdenvNoCC; };

  # Setup hooks.
  makeWrapper = callPackage ../build-support/setup-hooks/make-wrapper.nix { };

  # Variants of by-name packages.
  curlMinimal = final.curl.override { http2Support = false; };
  bashInteractive = final.bash.override { interactive = true; };
  shellcheck-minimal = final.shellcheck;
  gitMinimal = final.git.override { withManual = false; pythonSupport = false; perlSupport = false; };

  # Python: the interpreter, and its package set (a scope: `python3Packages.requests`;
  # change it with `python3.override { packageOverrides = pyfinal: pyprev: { ... }; }` or
  # `python3Packages.overrideScope (pyfinal: pyprev: { ... })`).
  python3 = callPackage ../development/interpreters/python { };
  python3Packages = lib.recurseIntoAttrs final.python3.pkgs;

  # Rust, Go and Node.js builders.
  rustPlatform = callPackage ../build-support/rust { };
  # A rustPlatform around another toolchain (one from rust-overlay, say).
  makeRustPlatform = { rustc, cargo, ... }: final.rustPlatform.override { inherit rustc cargo; };
  buildGoModule = callPackage ../build-support/go/module.nix { };
  buildNpmPackage = callPackage ../build-support/node/build-npm-package.nix { };
  fetchNpmDeps = callPackage ../build-support/node/fetch-npm-deps.nix { };
  npmHooks = callPackage ../build-support/node/hooks.nix { };

  # Container images (buildImage, buildLayeredImage, streamLayeredImage, pullImage).
  dockerTools = callPackage ../build-support/docker { };
}
