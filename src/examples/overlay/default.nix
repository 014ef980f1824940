# Overlays: functions `final: prev: { ... }` layered over a package set.
# The overlay lives in overlay.nix; this file applies it.
let
  fix = f: let x = f x; in x;
  applyOverlays = overlays: base:
    fix (builtins.foldl' (f: overlay: final: let prev = f final; in prev // overlay final prev) base overlays);

  # A tiny "package set": packages are plain sets here.
  pkgs = final: {
    hello = { name = "hello"; version = "2.12"; };
    greeting = "${final.hello.name}-${final.hello.version}";
  };
in
applyOverlays [ (import ./overlay.nix) ] pkgs
