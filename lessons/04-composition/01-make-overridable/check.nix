{ files, check, ... }:
let
  makeOverridable = files."overridable.nix";
  lib = import <nixpkgs/lib>;
  pkgs = import <nixpkgs> { };
  mk = f: args: check.call makeOverridable [ f args ];
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  field = v: name: if builtins.isAttrs v then v.${name} or null else null;
  over = v: changes: if builtins.isAttrs v && check.isFn (v.override or null) then v.override changes else null;
  # Hidden functions.
  area = { width, height, unit ? "m" }: { size = width * height; label = "${toString (width * height)} ${unit}²"; };
  greet = { name, punctuation }: { text = "Hello, ${name}${punctuation}"; };
  start = mk area { width = 3; height = 4; };
  # A package function from the miniature nixpkgs, made overridable by the learner's function.
  pkgFn = { stdenv, withExtras ? false }: stdenv.mkDerivation { pname = "demo"; version = "1.0"; dontUnpack = true; installPhase = if withExtras then "touch $out/extras" else "mkdir $out"; };
  mine = mk pkgFn { inherit (pkgs) stdenv; };
  reference = lib.makeOverridable pkgFn { inherit (pkgs) stdenv; };
in
[
  { name = "without overrides, the result is f args"; hint = 1;
    expected = 12; actual = safe (field start "size"); }
  { name = "override replaces one argument and keeps the others"; hint = 1;
    expected = { size = 20; label = "20 m²"; }; actual = safe (let r = over start { width = 5; }; in if builtins.isAttrs r then { inherit (r) size label; } else r); }
  { name = "override can add an argument that has a default"; hint = 1;
    expected = "12 cm²"; actual = safe (field (over start { unit = "cm"; }) "label"); }
  { name = "override takes a function of the old arguments"; hint = 2;
    expected = 24; actual = safe (field (over start (old: { width = old.width * 2; })) "size"); }
  { name = "the result of override can be overridden again"; hint = 3;
    expected = "Hello, Nix?"; actual = safe (field (over (over (mk greet { name = "World"; punctuation = "!"; }) { name = "Nix"; }) { punctuation = "?"; }) "text"); }
  { name = "…as many times as wanted"; hint = 3;
    expected = 4 * 3; actual = safe (field (over (over (over start { width = 2; }) (old: { height = old.height - 1; })) (old: { width = old.width * 2; })) "size"); }
  { name = "it makes a package overridable like lib.makeOverridable"; hint = 3;
    ok = safe (over mine { withExtras = true; }).drvPath or null == (reference.override { withExtras = true; }).drvPath;
    reveal = false; why = "`(makeOverridable pkgFn args).override { withExtras = true; }` should be the package built with withExtras."; }
]
