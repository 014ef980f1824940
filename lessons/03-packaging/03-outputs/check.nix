{ files, check, importWith, ... }:
let
  pkgs = import <nixpkgs> { };
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  zap = pkgs.callPackage files."zap.nix" { };
  # The read-only app.nix, as a path (callPackage reads its arguments).
  app = pkgs.callPackage (importWith { "probe.nix" = "./app.nix"; } "probe.nix") { inherit zap; };
  install = safe (zap.drvAttrs.installPhase or "");
  mentions = text: needle: builtins.isString text && builtins.match ".*${needle}.*" text != null;
  # Which outputs of zap the app's build uses (its build script's context).
  used = let ctx = builtins.getContext (safe (app.drvAttrs.buildPhase or "")); in
    if check.isRealDerivation zap then (ctx.${builtins.unsafeDiscardStringContext zap.drvPath}.outputs or [ ]) else [ ];
in
[
  { name = "zap has the outputs out, dev and lib"; hint = 1; expected = [ "out" "dev" "lib" ]; actual = safe (zap.outputs or null); }
  { name = "out is the default output"; hint = 2; expected = "out"; actual = safe (zap.outputName or null); }
  { name = "the header goes to $dev/include, the library to $lib/lib, the tool to $out/bin"; hint = 3;
    expected = [ true true true ];
    actual = [ (mentions install "cp zap.h [$]dev/include") (mentions install "cp libzap.so [$]lib/lib") (mentions install "cp zap [$]out/bin") ]; }
  { name = "app builds against zap's dev and lib outputs"; hint = 2;
    expected = [ "dev" "lib" ]; actual = builtins.sort builtins.lessThan used; }
  { name = "each output is a store path of its own"; hint = 1;
    expected = 3; actual = safe (builtins.length (pkgs.lib.unique [ zap.out.outPath zap.dev.outPath zap.lib.outPath ])); }
]
