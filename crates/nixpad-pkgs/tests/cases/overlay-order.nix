# Overlays apply in order: each sees the previous ones in `prev`, and all of them in `final`.
let
  pkgs = import <nixpkgs> {
    overlays = [
      (final: prev: { greeting = "hello"; shout = final.greeting + "!"; early = prev ? greeting; })
      (final: prev: { greeting = prev.greeting + " world"; sawFirst = prev.greeting; })
    ];
  };
in
{ inherit (pkgs) greeting shout early sawFirst; }
