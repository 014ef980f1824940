let
  greet = import ./greeting.nix;
  inherit (import ./lib.nix) double;
in
{
  greeting = greet { name = "Ada"; };
  answer = double 21;
}
