{ files, ... }:
let m = files."main.nix"; in
[
  { name = "adults are ada and grace"; expected = [ "ada" "grace" ]; actual = m.adults or null; hint = 1; }
  { name = "totalAge is 133"; expected = 133; actual = m.totalAge or null; hint = 2; }
  { name = "ages maps names to ages"; expected = { ada = 36; tim = 12; grace = 85; }; actual = m.ages or null; hint = 2; }
  { name = "roster is \"ada, tim, grace\""; expected = "ada, tim, grace"; actual = m.roster or null; hint = 1; }
]
