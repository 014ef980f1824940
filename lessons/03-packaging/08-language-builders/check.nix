{ files, importWith, check, ... }:
let
  pkgs = import <nixpkgs> { };
  file = importWith { "probe.nix" = "./tools.nix"; } "probe.nix";
  isFn = check.isFn files."tools.nix";
  tools = if isFn then pkgs.callPackage file { } else { };
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  get = name: tools.${name} or null;
  real = name: safe (check.isRealDerivation (get name)) == true;
in
[
  { name = "tools.nix is a function giving greet, serve and tidy"; hint = 2; ok = isFn && builtins.isAttrs tools && real "greet" && real "serve" && real "tidy"; }
  { name = "greet's dependencies are fetched with the hash Nix reported"; hint = 1;
    expected = [ "greet-0.3.0-vendor" "sha256-huDyA3SY/dqgWzEylIxKHfIk7PkFJEMdiqPfa2tTvI4=" ]; actual = safe [ ((get "greet").cargoDeps.name or null) ((get "greet").cargoDeps.outputHash or null) ]; }
  { name = "greet's dependencies come from greet's source"; hint = 1;
    ok = safe (((get "greet").cargoDeps.src.outPath or null) == ((get "greet").src.outPath or "")) == true; }
  { name = "greet's source keeps its own hash"; hint = 2; expected = "sha256-y0Ck8R+5fFCh7GWePt+K1XHLipT4YzsrHlYiUW02YVQ="; actual = safe ((get "greet").src.outputHash or null); }
  { name = "serve's Go modules are fetched with the hash Nix reported"; hint = 1;
    expected = [ "serve-1.4.2-go-modules" "sha256-3d6clNTdeyU55N4shq3DeJoCP+fbxlf8xWawGQAVeXw=" ]; actual = safe [ ((get "serve").goModules.name or null) ((get "serve").goModules.outputHash or null) ]; }
  { name = "tidy fetches nothing: its dependencies come with the source"; hint = 3;
    expected = null; actual = safe ((get "tidy").goModules or "missing"); }
]
