let
  lib = import ./lib.nix;
in
{
  greeting = import ./greeting.nix { name = "Ada"; };
  answer = lib.double 21;
}
