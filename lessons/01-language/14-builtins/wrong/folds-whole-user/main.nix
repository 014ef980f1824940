let
  users = import ./users.nix;
in
{
  adults = map (u: u.name) (builtins.filter (u: u.age >= 18) users);
  totalAge = builtins.foldl' (sum: u: sum + u) 0 users;
  ages = builtins.listToAttrs (map (u: { name = u.name; value = u.age; }) users);
  roster = builtins.concatStringsSep ", " (map (u: u.name) users);
}
