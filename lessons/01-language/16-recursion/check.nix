{ files, check, ... }:
let
  m = files."main.nix";
  call = name: check.call (check.attr m name);
in
[
  { name = "factorial 5 is 120"; expected = 120; actual = call "factorial" [ 5 ]; hint = 2; }
  { name = "factorial 0 is 1"; expected = 1; actual = call "factorial" [ 0 ]; hint = 1; }
  { name = "factorial 20 is 2432902008176640000"; expected = 2432902008176640000; actual = call "factorial" [ 20 ]; hint = 2; }
  { name = "factorial works for other numbers"; expected = [ 1 5040 39916800 ]; actual = map (n: call "factorial" [ n ]) [ 1 7 11 ];
    reveal = false; why = "factorial n must be 1 × 2 × … × n for every n."; hint = 2; }
  { name = "range 3 6 is [ 3 4 5 6 ]"; expected = [ 3 4 5 6 ]; actual = call "range" [ 3 6 ]; hint = 3; }
  { name = "range 5 4 is empty"; expected = [ ]; actual = call "range" [ 5 4 ]; hint = 1; }
  { name = "range works for other bounds"; expected = [ [ 10 11 12 ] [ (-1) 0 ] [ 7 ] ]; actual = [ (call "range" [ 10 12 ]) (call "range" [ (-1) 0 ]) (call "range" [ 7 7 ]) ];
    reveal = false; why = "range from to must list every integer from `from` to `to`, both included."; hint = 3; }
]
