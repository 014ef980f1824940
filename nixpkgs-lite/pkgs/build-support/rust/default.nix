# `rustPlatform`: the Rust toolchain and `buildRustPackage`. A Rust package's crates.io
# dependencies are vendored by a fixed-output derivation whose hash is `cargoHash`.
{ lib, stdenv, rustc, cargo, cacert, makeSetupHook, callPackage }:
let
  hook = name: description: makeSetupHook { inherit name; meta.description = description; } ./hooks/${name}.sh;
in
rec {
  inherit rustc cargo;

  # The dependencies listed in Cargo.lock, downloaded (a fixed-output derivation).
  fetchCargoVendor = { src, name, hash }:
    stdenv.mkDerivation {
      inherit name src;
      nativeBuildInputs = [ cargo cacert ];
      dontConfigure = true;
      buildPhase = ''
        cargo vendor --locked --versioned-dirs "$out" > /dev/null
      '';
      dontInstall = true;
      dontFixup = true;
      outputHashMode = "recursive";
      outputHash = if hash == "" then lib.warn "found empty hash for ${name}, assuming '${lib.fakeHash}'" lib.fakeHash else hash;
      SSL_CERT_FILE = "${cacert}/etc/ssl/certs/ca-bundle.crt";
      impureEnvVars = [ "http_proxy" "https_proxy" "all_proxy" "no_proxy" ];
    };

  # Setup hooks: point cargo at the vendored dependencies, build, test and install.
  cargoSetupHook = hook "cargo-setup-hook" "Makes cargo use the vendored dependencies in $cargoDeps";
  cargoBuildHook = hook "cargo-build-hook" "cargo build --release as the build phase";
  cargoCheckHook = hook "cargo-check-hook" "cargo test as the check phase";
  cargoInstallHook = hook "cargo-install-hook" "Installs the built binaries as the install phase";

  buildRustPackage = callPackage ./build-rust-package.nix {
    inherit rustc cargo fetchCargoVendor cargoSetupHook cargoBuildHook cargoCheckHook cargoInstallHook;
  };
}
