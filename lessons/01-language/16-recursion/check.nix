{ files, ... }:
let
  m = files."main.nix";
  call = name: arg: if builtins.isFunction (m.${name} or null) then m.${name} arg else null;
  range = a: b: let r = call "range" a; in if builtins.isFunction r then r b else r;
in
[
  { name = "factorial 5 is 120"; expected = 120; actual = call "factorial" 5; hint = 2; }
  { name = "factorial 0 is 1"; expected = 1; actual = call "factorial" 0; hint = 1; }
  { name = "factorial 20 is 2432902008176640000"; expected = 2432902008176640000; actual = call "factorial" 20; hint = 2; }
  { name = "range 3 6 is [ 3 4 5 6 ]"; expected = [ 3 4 5 6 ]; actual = range 3 6; hint = 2; }
  { name = "range 5 4 is empty"; expected = [ ]; actual = range 5 4; hint = 1; }
]
