{ files, syntax, importWith, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  # The same code on users it has never seen.
  other = importWith { "users.nix" = ''
    [ { name = "lin"; age = 17; } { name = "max"; age = 18; } { name = "zoe"; age = 40; } { name = "kai"; age = 5; } ]
  ''; } "main.nix";
in
[
  { name = "adults are ada and grace"; expected = [ "ada" "grace" ]; actual = m.adults or null; hint = 1; }
  { name = "totalAge is 133"; expected = 133; actual = m.totalAge or null; hint = 2; }
  { name = "ages maps names to ages"; expected = { ada = 36; tim = 12; grace = 85; }; actual = m.ages or null; hint = 3; }
  { name = "roster is \"ada, tim, grace\""; expected = "ada, tim, grace"; actual = m.roster or null; hint = 1; }
  { name = "it works for other users too"; hint = 2; reveal = false;
    expected = { adults = [ "max" "zoe" ]; totalAge = 80; ages = { lin = 17; max = 18; zoe = 40; kai = 5; }; roster = "lin, max, zoe, kai"; };
    actual = { adults = other.adults or null; totalAge = other.totalAge or null; ages = other.ages or null; roster = other.roster or null; };
    why = "With another users.nix, every answer must follow: compute them from `users`, do not write them out."; }
  (check.syntaxCheck { name = "the answers are computed from users with builtins"; hint = 1;
    ok = (s.variables.users or 0) >= 4 && check.usesBuiltin s "filter" && check.usesBuiltin s "foldl'"
      && check.usesBuiltin s "listToAttrs" && check.usesBuiltin s "concatStringsSep";
    message = "Compute each answer from `users` (filter, foldl', listToAttrs, concatStringsSep) instead of writing it out."; })
]
