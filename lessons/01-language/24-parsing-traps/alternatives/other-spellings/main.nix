# Other ways around the same traps: a named lower bound, multiplication, a let for the
# recursion, a named function, and a list built with ++.
let
  clamp = lo: hi: x: if x < lo then lo else if x > hi then hi else x;
  lowest = 0 - 10;
  countdown = n: if n == 0 then [ ] else [ n ] ++ countdown (n - 1);
  increment = x: x + 1;
in
{
  limit = xs: map (x: clamp lowest 10 x) xs;
  half = x: x * 0.5;
  inherit countdown;
  bump = xs: map increment xs;
  row = pkg: [ pkg.name ] ++ [ (builtins.toString pkg.size) ];
}
