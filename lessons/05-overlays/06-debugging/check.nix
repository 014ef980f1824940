{ files, check, ... }:
let
  overlay = files."overlay.nix";
  isOverlay = check.isFn overlay && builtins.isAttrs (check.call overlay [ { } { } ]);
  pkgs = import <nixpkgs> { overlays = if isOverlay then [ overlay ] else [ ]; };
  # A later overlay that changes jq again: jqgrep must follow it.
  later = final: prev: { jq = prev.jq.overrideAttrs { pname = "jq-later"; }; };
  stacked = import <nixpkgs> { overlays = if isOverlay then [ overlay later ] else [ ]; };
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  usesJq = p: jq: p ? jqgrep && builtins.hasContext p.jqgrep.drvAttrs.text
    && builtins.elem jq.drvPath (builtins.attrNames (builtins.getContext p.jqgrep.drvAttrs.text));
in
[
  { name = "the overlay is a function final: prev: { … }"; hint = 1; ok = isOverlay; }
  { name = "hello evaluates, without its tests"; hint = 1; expected = false; actual = pkgs.hello.drvAttrs.doCheck; }
  { name = "jq is built without oniguruma"; hint = 2;
    expected = [ "--without-oniguruma" ]; actual = builtins.filter (f: builtins.match ".*oniguruma.*" f != null) pkgs.jq.drvAttrs.configureFlags; }
  { name = "jqgrep is built with the jq without oniguruma"; hint = 3; ok = safe (usesJq pkgs pkgs.jq) == true; }
  { name = "jqgrep follows jq when a later overlay changes it"; hint = 3; ok = safe (usesJq stacked stacked.jq) == true; }
]
