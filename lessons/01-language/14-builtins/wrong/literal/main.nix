{ adults = [ "ada" "grace" ]; ages = { ada = 36; grace = 85; tim = 12; }; roster = "ada, tim, grace"; totalAge = 133; }

# The real solution:
# let
#   users = import ./users.nix;
# in
# {
#   adults = map (u: u.name) (builtins.filter (u: u.age >= 18) users);
#   totalAge = builtins.foldl' (sum: u: sum + u.age) 0 users;
#   ages = builtins.listToAttrs (map (u: { name = u.name; value = u.age; }) users);
#   roster = builtins.concatStringsSep ", " (map (u: u.name) users);
# }
