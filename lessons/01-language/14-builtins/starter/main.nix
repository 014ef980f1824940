let
  users = import ./users.nix;
in
{
  adults = [ ];
  totalAge = 0;
  ages = { };
  roster = "";
}
