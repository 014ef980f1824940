# A scope with libgreet and greet.
{ lib, newScope }:
let callPackage = newScope { }; in
rec {
  libgreet = callPackage ./libgreet.nix { };
  greet = callPackage ./greet.nix { inherit libgreet; };
}
