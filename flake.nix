{
  description = "Nixpad: Nix learned and evaluated in the browser (Rust to WebAssembly)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    # The wasm32-unknown-unknown standard library comes with rust-overlay's toolchains.
    rust-overlay = {
      url = "github:oxalica/rust-overlay";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs =
    {
      self,
      nixpkgs,
      rust-overlay,
    }:
    let
      inherit (nixpkgs) lib;
      systems = [
        "x86_64-linux"
        "aarch64-linux"
        "x86_64-darwin"
        "aarch64-darwin"
      ];

      # Versions come from the repository's own files, so the flake cannot drift from them.
      cargoLock = builtins.fromTOML (builtins.readFile ./Cargo.lock);
      lockedVersion =
        name:
        let
          missing = throw "Cargo.lock has no package ${name}";
        in
        (lib.findFirst (p: p.name == name) missing cargoLock.package).version;
      version = (builtins.fromTOML (builtins.readFile ./Cargo.toml)).package.version;
      # The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate.
      wasmBindgen = {
        version = lockedVersion "wasm-bindgen";
        # Of the crates.io crate wasm-bindgen-cli at that version, unpacked (fetchCrate).
        hash = "sha256-9Og1O/6/VC3sc5hBjoIWBErmLW2UHGMsTQO+6+m/dng=";
        # The crate's own Cargo.lock, kept here so that evaluation needs no build.
        lockFile = ./nix/wasm-bindgen-cli.Cargo.lock;
      };
      rustVersion = "1.95.0";

      # Everything the builds read; not the flake itself, build outputs or editor files.
      source = lib.fileset.toSource {
        root = ./.;
        fileset = lib.fileset.unions [
          ./Cargo.toml
          ./Cargo.lock
          ./index.html
          ./Trunk.toml
          ./src
          ./static
          ./crates
          ./lessons
          ./nixpkgs-lite
          ./scripts
          ./tests
        ];
      };

      forAllSystems =
        f:
        lib.genAttrs systems (
          system:
          f (
            import nixpkgs {
              inherit system;
              overlays = [ rust-overlay.overlays.default ];
            }
          )
        );

      nixpadFor =
        pkgs:
        let
          toolchain = pkgs.rust-bin.stable.${rustVersion}.default.override {
            targets = [ "wasm32-unknown-unknown" ];
            extensions = [
              "rust-src"
              "rustfmt"
              "clippy"
            ];
          };
          rustPlatform = pkgs.makeRustPlatform {
            cargo = toolchain;
            rustc = toolchain;
          };
          wasm-bindgen-cli = rustPlatform.buildRustPackage {
            pname = "wasm-bindgen-cli";
            inherit (wasmBindgen) version;
            src = pkgs.fetchCrate {
              pname = "wasm-bindgen-cli";
              inherit (wasmBindgen) version hash;
            };
            cargoLock.lockFile = wasmBindgen.lockFile;
            doCheck = false;
            meta.mainProgram = "wasm-bindgen";
          };
          cli = rustPlatform.buildRustPackage {
            pname = "nixpad";
            inherit version;
            src = source;
            cargoLock.lockFile = ./Cargo.lock;
            cargoBuildFlags = [
              "--package"
              "nixpad-cli"
            ];
            # The tests that need no real Nix (the differential ones call it as an oracle).
            cargoTestFlags = [
              "--package"
              "nixpad-eval"
              "--package"
              "nixpad-lessons"
            ];
            meta = {
              description = "Evaluate Nix like nix-instantiate --eval; check, pack and serve lessons";
              license = lib.licenses.mit;
              mainProgram = "nixpad";
            };
          };
          site = pkgs.stdenv.mkDerivation {
            pname = "nixpad-site";
            inherit version;
            src = source;
            cargoDeps = rustPlatform.importCargoLock { lockFile = ./Cargo.lock; };
            nativeBuildInputs = [
              toolchain
              rustPlatform.cargoSetupHook
              pkgs.trunk
              wasm-bindgen-cli
              pkgs.binaryen
            ];
            env.TRUNK_SKIP_VERSION_CHECK = "true";
            buildPhase = ''
              runHook preBuild
              export HOME=$TMPDIR
              # Trunk uses the tools on PATH only at the versions Trunk.toml names.
              sed -i 's/^wasm_opt = .*/wasm_opt = "version_${lib.versions.major pkgs.binaryen.version}"/' Trunk.toml
              sed -i 's/^wasm_bindgen = .*/wasm_bindgen = "${wasmBindgen.version}"/' Trunk.toml
              trunk build --release --offline --dist dist
              runHook postBuild
            '';
            installPhase = ''
              runHook preInstall
              cp -r dist $out
              runHook postInstall
            '';
            meta = {
              description = "The Nixpad web app: a static site (serve it with `nix run`)";
              license = lib.licenses.mit;
            };
          };
          serve = pkgs.writeShellApplication {
            name = "nixpad-serve";
            runtimeInputs = [ cli ];
            text = ''exec nixpad serve --site ${site} "$@"'';
          };
        in
        {
          inherit
            toolchain
            wasm-bindgen-cli
            cli
            site
            serve
            ;
        };
    in
    {
      packages = forAllSystems (
        pkgs:
        let
          n = nixpadFor pkgs;
        in
        {
          default = n.site;
          inherit (n) site wasm-bindgen-cli serve;
          nixpad = n.cli;
        }
      );

      apps = forAllSystems (pkgs: {
        default = {
          type = "app";
          program = lib.getExe (nixpadFor pkgs).serve;
          meta.description = "Serve the Nixpad site on http://127.0.0.1:8080/ (nixpad serve --help)";
        };
      });

      devShells = forAllSystems (
        pkgs:
        let
          n = nixpadFor pkgs;
        in
        {
          default = pkgs.mkShell {
            packages = [
              n.toolchain
              n.wasm-bindgen-cli
              pkgs.trunk
              pkgs.binaryen
              pkgs.nodejs
            ]
            ++ lib.optionals pkgs.stdenv.hostPlatform.isLinux [
              pkgs.chromium
              pkgs.chromedriver
            ];
            # tests/e2e/*.mjs drive this browser.
            env.CHROMIUM = lib.optionalString pkgs.stdenv.hostPlatform.isLinux (lib.getExe pkgs.chromium);
          };
        }
      );

      checks = forAllSystems (
        pkgs:
        let
          n = nixpadFor pkgs;
        in
        {
          inherit (n) site;
          # Builds the CLI and runs the evaluator's and the lesson engine's tests.
          nixpad = n.cli;
          lessons = pkgs.runCommand "nixpad-lessons-check" { nativeBuildInputs = [ n.cli ]; } ''
            nixpad lessons check ${./lessons}
            touch $out
          '';
          formatting = pkgs.runCommand "nixpad-flake-formatting" { nativeBuildInputs = [ pkgs.nixfmt ]; } ''
            nixfmt --check ${./flake.nix}
            touch $out
          '';
        }
      );

      formatter = forAllSystems (pkgs: pkgs.nixfmt-tree);
    };
}
