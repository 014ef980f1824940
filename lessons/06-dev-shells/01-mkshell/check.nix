{ files, importWith, check, ... }:
let
  base = import <nixpkgs> { };
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  shellWith = pkgs: let f = files."shell.nix"; in if check.isFn f then f { inherit pkgs; } else null;
  shell = shellWith base;
  ok = check.isDerivation shell;
  paths = list: map (d: d.drvPath or "") (if builtins.isList list then list else [ ]);
  has = list: dep: builtins.elem dep.drvPath (paths list);
  # A hidden package set whose zlib is another one: the shell must use the set it is given.
  other = base.extend (final: prev: { zlib = prev.zlib.overrideAttrs { pname = "zlib-ng-compat"; }; });
  otherShell = shellWith other;
  # A hidden project with another input: inputsFrom must follow it.
  grown = importWith { "project.nix" = ''
    { stdenv, pkg-config, openssl, zlib, sqlite }:
    stdenv.mkDerivation { pname = "project"; version = "0.2.0"; dontUnpack = true; nativeBuildInputs = [ pkg-config ]; buildInputs = [ openssl zlib sqlite ]; }
  ''; } "shell.nix";
  grownShell = if check.isFn grown then grown { pkgs = base; } else null;
in
[
  { name = "shell.nix takes the package set as its argument pkgs"; hint = 1; ok = ok; }
  { name = "the project's build tools and libraries are in the shell"; hint = 1;
    expected = [ true true true ];
    actual = if ok then safe [ (has shell.nativeBuildInputs base.pkg-config) (has shell.buildInputs base.openssl) (has shell.buildInputs base.zlib) ] else null; }
  { name = "jq and curl are tools on PATH (native inputs)"; hint = 2;
    expected = [ true true ]; actual = if ok then safe [ (has shell.nativeBuildInputs base.jq) (has shell.nativeBuildInputs base.curl) ] else null; }
  { name = "the project's inputs come from the project itself (inputsFrom)"; hint = 2;
    ok = check.isDerivation grownShell && safe (has grownShell.buildInputs base.sqlite) == true;
    message = "When project.nix gains an input, the shell should gain it too."; }
  { name = "the shell uses the package set it is given"; hint = 3;
    ok = check.isDerivation otherShell && safe (has otherShell.buildInputs other.zlib) == true; }
  { name = "API_URL is set"; hint = 3;
    expected = "https://api.example.org"; actual = if ok then safe (shell.API_URL or shell.env.API_URL or shell.drvAttrs.API_URL or null) else null; }
  { name = "entering the shell prints \"project shell ready\""; hint = 3;
    ok = ok && builtins.match ".*echo [\"']project shell ready[\"'].*" (shell.shellHook or "") != null; }
]
