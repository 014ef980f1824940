let
  lib = import ./lib.nix;
in
{
  greeting = import ./greeting.nix;
  answer = lib.double 21;
}
