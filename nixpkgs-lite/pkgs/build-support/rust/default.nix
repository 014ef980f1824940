# `rustPlatform`: the Rust toolchain and `buildRustPackage`. A Rust package's crates.io
# dependencies are vendored by a fixed-output derivation whose hash is `cargoHash`.
{ lib, stdenv, rustc, cargo, cacert, makeSetupHook, callPackage, fetchurl, runCommand }:
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

  # The dependencies listed in a Cargo.lock, each crate fetched on its own (a fixed-output
  # derivation whose hash is the lock file's `checksum`), gathered into one vendor folder:
  # no `cargoHash` needed. Git dependencies need their hash in `outputHashes`.
  importCargoLock = { lockFile ? null, lockFileContents ? null, outputHashes ? { } }:
    let
      text =
        if lockFileContents != null then lockFileContents
        else if lockFile != null then builtins.readFile lockFile
        else throw "importCargoLock: give `lockFile` or `lockFileContents`";
      packages = (builtins.fromTOML text).package or [ ];
      cratesIo = "registry+https://github.com/rust-lang/crates.io-index";
      fetchCrateFile = p: fetchurl {
        name = "crate-${p.name}-${p.version}.tar.gz";
        url = "https://static.crates.io/crates/${p.name}/${p.name}-${p.version}.crate";
        sha256 = p.checksum;
      };
      source = p:
        let id = "${p.name}-${p.version}"; in
        if (p.source or null) == cratesIo then fetchCrateFile p
        else if lib.hasPrefix "git+" (p.source or "") then
          if outputHashes ? ${id} then fetchurl { name = "${id}.tar.gz"; url = lib.removePrefix "git+" p.source; hash = outputHashes.${id}; }
          else throw "No hash was found while vendoring the git dependency ${id}. You can add\na hash like this to the `outputHashes` attribute:\n\n  outputHashes = {\n    \"${id}\" = lib.fakeHash;\n  };\n\nIf you use `buildRustPackage`, this goes under `cargoLock.outputHashes`."
        else null;
      vendored = lib.filter (x: x.src != null) (map (p: { inherit (p) name version; src = source p; }) packages);
    in
    runCommand "cargo-vendor-dir" { } (''
      mkdir -p $out
    '' + lib.concatMapStrings (c: ''
      mkdir $out/${c.name}-${c.version}
      tar xf ${c.src} -C $out/${c.name}-${c.version} --strip-components=1
    '') vendored);

  # Setup hooks: point cargo at the vendored dependencies, build, test and install.
  cargoSetupHook = hook "cargo-setup-hook" "Makes cargo use the vendored dependencies in $cargoDeps";
  cargoBuildHook = hook "cargo-build-hook" "cargo build --release as the build phase";
  cargoCheckHook = hook "cargo-check-hook" "cargo test as the check phase";
  cargoInstallHook = hook "cargo-install-hook" "Installs the built binaries as the install phase";

  buildRustPackage = callPackage ./build-rust-package.nix {
    inherit rustc cargo fetchCargoVendor importCargoLock cargoSetupHook cargoBuildHook cargoCheckHook cargoInstallHook;
  };
}
