{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
in
[
  { name = "adults are ada and grace"; expected = [ "ada" "grace" ]; actual = m.adults or null; hint = 1; }
  { name = "totalAge is 133"; expected = 133; actual = m.totalAge or null; hint = 2; }
  { name = "ages maps names to ages"; expected = { ada = 36; tim = 12; grace = 85; }; actual = m.ages or null; hint = 3; }
  { name = "roster is \"ada, tim, grace\""; expected = "ada, tim, grace"; actual = m.roster or null; hint = 1; }
  (check.syntaxCheck { name = "the answers are computed from users with builtins"; hint = 1;
    ok = (s.variables.users or 0) >= 4 && check.usesBuiltin s "filter" && check.usesBuiltin s "foldl'"
      && check.usesBuiltin s "listToAttrs" && check.usesBuiltin s "concatStringsSep";
    message = "Compute each answer from `users` (filter, foldl', listToAttrs, concatStringsSep) instead of writing it out."; })
]
