{ files, importWith, check, ... }:
let
  pkgs = import <nixpkgs> { };
  # gdb is not in the miniature nixpkgs: a stand-in debugger.
  gdb = pkgs.writeShellScriptBin "gdb" "echo gdb";
  file = importWith { "probe.nix" = "./dev.nix"; } "probe.nix";
  isFn = check.isFn files."dev.nix";
  # A hidden jq with a flag of its own: the environment must be this jq's.
  jq = pkgs.jq.overrideAttrs (old: { configureFlags = old.configureFlags ++ [ "--enable-asan" ]; preBuild = "echo debugging"; nativeBuildInputs = (old.nativeBuildInputs or [ ]) ++ [ pkgs.pkg-config ]; });
  shell = if isFn then pkgs.callPackage file { inherit jq gdb; } else null;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  attrs = if check.isRealDerivation shell then shell.drvAttrs else { };
  names = l: map (d: d.name or "?") l;
in
[
  { name = "dev.nix is a function of jq and gdb giving a derivation"; hint = 1; ok = isFn && check.isRealDerivation shell; }
  { name = "gdb is on PATH"; hint = 3; ok = safe (builtins.elem gdb.name (names (attrs.nativeBuildInputs or [ ]))) == true; }
  { name = "jq's own tools and libraries are there"; hint = 2;
    ok = safe (builtins.all (n: builtins.elem n (names (attrs.nativeBuildInputs or [ ] ++ attrs.buildInputs or [ ]))) (names (jq.drvAttrs.nativeBuildInputs ++ jq.drvAttrs.buildInputs))) == true; }
  { name = "jq's configure flags are there"; hint = 2; ok = safe (attrs.configureFlags or null) == jq.drvAttrs.configureFlags; }
  { name = "jq's hooks and source are there"; hint = 2; expected = [ "echo debugging" true ];
    actual = safe [ (attrs.preBuild or null) ((attrs.src or null) == jq.drvAttrs.src) ]; }
]
