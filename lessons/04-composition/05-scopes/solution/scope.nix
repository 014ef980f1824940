# A scope with libgreet and greet.
{ lib, newScope }:
lib.makeScope newScope (self: {
  libgreet = self.callPackage ./libgreet.nix { };
  greet = self.callPackage ./greet.nix { };
})
