# A scope with libgreet and greet.
{ lib, newScope }:
let libgreet = newScope { } ./libgreet.nix { }; in
lib.makeScope newScope (self: {
  inherit libgreet;
  greet = self.callPackage ./greet.nix { inherit libgreet; };
})
