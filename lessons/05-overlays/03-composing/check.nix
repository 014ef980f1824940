{ files, check, ... }:
let
  compose = files."compose.nix";
  lib = import <nixpkgs/lib>;
  composed = f: g: check.call compose [ f g ];
  isOverlay = o: check.isFn o && check.isFn (o { }) ;
  # Small fixed points: apply overlays to `base` the way nixpkgs does.
  base = final: { n = 10; label = "n is ${toString final.n}"; };
  apply = overlay: if isOverlay overlay then lib.fix (lib.extends overlay base) else null;
  reference = f: g: lib.fix (lib.extends (lib.composeExtensions f g) base);
  # Hidden overlays.
  bump = final: prev: { n = prev.n + 1; };
  double = final: prev: { n = prev.n * 2; };
  addsTag = final: prev: { tag = "from f"; };
  readsTag = final: prev: { tagged = "${prev.tag or "none"}!"; };
  same = f: g: let r = apply (composed f g); in r != null && r == reference f g;
  # The package set: hello gets a patch, then greeting wraps the final hello.
  patch = final: prev: { hello = prev.hello.overrideAttrs (old: { patches = (old.patches or [ ]) ++ [ (builtins.toFile "greeting.patch" "--- a/src/hello.c\n+++ b/src/hello.c\n") ]; }); };
  wrap = final: prev: { greeting = final.writeShellScriptBin "greeting" "${final.hello}/bin/hello"; };
  pkgsWith = overlays: import <nixpkgs> { inherit overlays; };
  mine = let o = composed patch wrap; in if isOverlay o then pkgsWith [ o ] else { };
  wanted = pkgsWith [ patch wrap ];
in
[
  { name = "compose f g is an overlay"; hint = 1; ok = isOverlay (composed bump double); }
  { name = "g sees what f made (+1, then ×2)"; hint = 1;
    expected = 22; actual = (apply (composed bump double)).n or null; }
  { name = "the order matters (×2, then +1)"; hint = 2;
    expected = 21; actual = (apply (composed double bump)).n or null; }
  { name = "what f adds and g leaves alone is kept"; hint = 2;
    expected = { tag = "from f"; tagged = "from f!"; }; actual = let r = apply (composed addsTag readsTag); in if r == null then null else { tag = r.tag or null; tagged = r.tagged or null; }; }
  { name = "final is still the whole fixed point"; hint = 3;
    expected = "n is 22"; actual = (apply (composed bump double)).label or null; }
  { name = "behaves as lib.composeExtensions on other overlays"; hint = 3;
    ok = same addsTag bump && same double readsTag && same bump bump; }
  { name = "composed overlays on the package set are the two in a list"; hint = 3;
    ok = check.isDerivation (mine.greeting or null) && mine.greeting.drvPath == wanted.greeting.drvPath
      && mine.hello.drvPath == wanted.hello.drvPath;
    reveal = false; why = "`import <nixpkgs> { overlays = [ (compose patch wrap) ]; }` should give the same hello and greeting as `overlays = [ patch wrap ]`."; }
]
