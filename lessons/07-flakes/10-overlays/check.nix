{ flake, files, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  out = flake.outputs;
  overlay = out.overlays.default or null;
  # Someone else's nixpkgs with the overlay, and a later overlay that changes hello.
  theirs = extra: import <nixpkgs> { overlays = [ overlay ] ++ extra; };
  quiet = final: prev: { hello = prev.hello.overrideAttrs { pname = "quiet-hello"; }; };
  scriptOf = set: safe (set.greet.drvAttrs.text or null);
  mentions = text: word: builtins.isString text && builtins.match ".*${word}.*" text != null;
  nixpkgs = out.inputs.nixpkgs or { };
  marker = final: prev: { greet = { type = "derivation"; name = "marker"; }; };
  withSelf = check.call (files."flake.nix".outputs or null) [ { self = { overlays.default = marker; }; inherit nixpkgs; } ];
in
[
  { name = "the flake loads"; hint = 1; expected = null; actual = flake.error; }
  { name = "overlays.default is an overlay (nix flake check passes)"; hint = 1; ok = flake.check.ok; message = toString flake.check.error; }
  { name = "applied to another nixpkgs, it adds greet running hello"; hint = 2;
    expected = [ true true ]; actual = let t = scriptOf (theirs [ ]); in [ (mentions t "bin/hello") (mentions t "Hello from an overlay") ]; }
  { name = "greet uses the final hello (a later overlay's)"; hint = 2;
    expected = true; actual = mentions (scriptOf (theirs [ quiet ])) "quiet-hello"; }
  { name = "the flake's greet package is its overlay applied to nixpkgs"; hint = 3;
    expected = true; actual = safe ((out.packages.x86_64-linux.greet.drvPath or null) == (theirs [ ]).greet.drvPath); }
  { name = "the packages come from the flake's own overlay (self)"; hint = 3;
    expected = "marker"; actual = safe (withSelf.packages.x86_64-linux.greet.name or null); }
]
