{ files, importWith, check, ... }:
let
  pkgs = import <nixpkgs> { };
  file = importWith { "probe.nix" = "./scope.nix"; } "probe.nix";
  isFn = check.isFn files."scope.nix";
  scope = if isFn then pkgs.callPackage file { } else { };
  safe = x: let r = builtins.tryEval (builtins.deepSeq x x); in if r.success then r.value else "does not evaluate";
  linked = s: map (d: d.name) ((s.greet or { }).drvAttrs.buildInputs or [ ]);
  hasOverrideScope = builtins.isAttrs scope && scope ? overrideScope;
  # A hidden replacement of libgreet, made with the scope's own overlay mechanism.
  changed = if hasOverrideScope then scope.overrideScope (final: prev: { libgreet = prev.libgreet.overrideAttrs { version = "1.1-patched"; }; }) else { };
in
[
  { name = "scope.nix is a function of lib and newScope"; hint = 1; ok = isFn; }
  { name = "the scope has libgreet 1.0 and greet 2.0"; hint = 3;
    expected = [ "libgreet-1.0" "greet-2.0" ]; actual = safe [ (scope.libgreet.name or null) (scope.greet.name or null) ]; }
  { name = "greet links the scope's libgreet"; hint = 2; expected = [ "libgreet-1.0" ]; actual = safe (linked scope); }
  { name = "the scope can be overridden (overrideScope)"; hint = 1; ok = hasOverrideScope; }
  { name = "after overrideScope replaces libgreet, greet links the replacement"; hint = 2;
    expected = [ "libgreet-1.1-patched" ]; actual = safe (linked changed); }
]
