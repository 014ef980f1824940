let
  users = import ./users.nix;
in
{
  adults = map (u: u.name) (builtins.filter (u: u.age >= 18) users);
  totalAge = builtins.foldl' builtins.add 0 (map (u: u.age) users);
  ages = builtins.listToAttrs (map (u: { inherit (u) name; value = u.age; }) users);
  roster = builtins.concatStringsSep ", " (map (u: u.name) users);
}
