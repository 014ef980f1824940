# `import nixpkgs { system; overlays; }` for the stub: a package set where every package is
# a derivation that only records its name and inputs (builder /bin/sh, never built here).
{
  system,
  overlays ? [ ],
}:
let
  lib = import ./lib.nix;
  stubDrv =
    name: extra:
    derivation {
      inherit name system;
      builder = "/bin/sh";
      args = [
        "-c"
        "echo stub > $out"
      ];
    }
    // extra;
  pkg = pname: version: stubDrv "${pname}-${version}" { inherit pname version; meta = { }; };
  # The arguments a builder was given, kept as `args` for the test to inspect.
  builder =
    kind: args:
    stubDrv "${args.pname or args.name or kind}-${args.version or "0"}" {
      inherit kind args;
      pname = args.pname or args.name or kind;
      version = args.version or "0";
      meta = args.meta or { };
    };
  base = final: {
    inherit lib;
    stdenv = {
      mkDerivation = builder "mkDerivation";
      hostPlatform.isLinux = lib.hasPrefix "x86_64-linux" system || lib.hasPrefix "aarch64-linux" system;
    };
    mkShell = builder "mkShell";
    makeRustPlatform =
      { cargo, rustc }:
      {
        buildRustPackage = builder "buildRustPackage";
        importCargoLock = { lockFile }: stubDrv "cargo-vendor" { inherit lockFile; };
        cargoSetupHook = pkg "cargo-setup-hook" "0";
      };
    fetchCrate = args: stubDrv "${args.pname}-${args.version}-source" { inherit args; };
    writeShellApplication =
      args:
      stubDrv args.name {
        inherit args;
        meta.mainProgram = args.name;
      };
    runCommand = name: env: script: stubDrv name { inherit env script; };
    trunk = pkg "trunk" "0.21.14";
    binaryen = pkg "binaryen" "123";
    nodejs = pkg "nodejs" "22.0.0";
    chromium = pkg "chromium" "140.0" // { meta.mainProgram = "chromium"; };
    chromedriver = pkg "chromedriver" "140.0";
    nixfmt = pkg "nixfmt" "1.0.0";
    nixfmt-tree = pkg "nixfmt-tree" "1.0.0";
  };
  apply = pkgs: overlay: pkgs // overlay final pkgs;
  final = builtins.foldl' apply (base final) overlays;
in
final
