# One overlay that does what `f` does, then what `g` does (as nixpkgs applies
# `overlays = [ f g ]`).
f: g: final: prev:
let
  fromF = f final prev;
in
fromF // g final (prev // fromF)
