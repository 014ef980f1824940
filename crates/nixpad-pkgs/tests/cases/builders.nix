# Trivial builders, fetchers (fixed-output derivations), finalAttrs, outputs,
# structured attributes, and the language builders' dependency hashes.
let
  pkgs = import <nixpkgs> { };
  inherit (pkgs) lib;
  script = pkgs.writeShellScriptBin "greet" "echo hi";
  app = pkgs.writeShellApplication { name = "fetch"; runtimeInputs = [ pkgs.curl ]; text = "curl -s \"$1\""; };
  src = pkgs.fetchurl { url = "https://example.org/a-1.0.tar.gz"; hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; };
  # Another recipe for the same download: a new .drv, the same output (it is fixed by the hash).
  verbose = src.overrideAttrs { curlOpts = "--verbose"; };
  gh = pkgs.fetchFromGitHub { owner = "o"; repo = "r"; rev = "v1"; hash = lib.fakeHash; };
  structured = pkgs.stdenv.mkDerivation { pname = "s"; version = "1"; __structuredAttrs = true; dontUnpack = true; flags = [ "a b" "c" ]; };
  selfReferring = pkgs.stdenv.mkDerivation (finalAttrs: { pname = "self"; version = "1.${toString finalAttrs.minor}"; minor = 2; passthru.tag = finalAttrs.finalPackage.name; });
in
{
  script = [ script.name script.meta.mainProgram (lib.hasSuffix "-greet/bin/greet" (lib.getExe script)) ];
  app = [ (lib.hasInfix "set -o pipefail" app.text) (lib.hasInfix "-curl-8.11.1-bin/bin:$PATH" app.text) app.meta.mainProgram ];
  runCommand = (pkgs.runCommand "out" { x = 1; } "echo $x > $out").x;
  text = (pkgs.writeText "notes.txt" "hi").name;
  joined = map (p: p.name) (pkgs.symlinkJoin { name = "tools"; paths = [ pkgs.jq pkgs.hello ]; }).paths;
  fetchurl = [ src.outputHashMode src.name (src.outPath == verbose.outPath) (src.drvPath == verbose.drvPath) ];
  github = [ gh.name (builtins.head gh.urls) gh.outputHashMode gh.rev ];
  structured = [ structured.__structuredAttrs (structured.drvAttrs ? __structuredAttrs) ];
  # The exact paths (the .exp holds what real Nix gives: the ATerm carries `__json`).
  structuredDrvPath = structured.drvPath;
  shellDrvPath = (pkgs.mkShell { packages = [ pkgs.jq ]; inputsFrom = [ pkgs.curl ]; FOO = "1"; }).drvPath;
  finalAttrs = [ selfReferring.name selfReferring.tag (selfReferring.overrideAttrs { minor = 5; }).tag ];
  outputs = [ pkgs.openssl.outputs pkgs.openssl.dev.outputName (lib.getBin pkgs.openssl).outputName (lib.getDev pkgs.hello).outputName ];
  languageHashes = [ pkgs.ripgrep.cargoDeps.name pkgs.ripgrep.cargoDeps.outputHashMode pkgs.fzf.goModules.name pkgs.prettier.npmDeps.name ];
  missingHash = (builtins.tryEval (pkgs.rustPlatform.buildRustPackage { pname = "x"; version = "1"; src = ./builders.nix; }).drvPath).success;
}
