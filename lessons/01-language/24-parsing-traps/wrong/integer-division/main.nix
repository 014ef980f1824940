let
  clamp = lo: hi: x: if x < lo then lo else if x > hi then hi else x;
in
rec {
  # limit [ (-20) 5 30 ]   gives [ (-10) 5 10 ]   (every number clamped to -10 … 10)
  limit = xs: map (clamp (-10) 10) xs;

  # half 7   gives 3.5
  half = x: x / 2;

  # countdown 3   gives [ 3 2 1 ]
  countdown = n: if n == 0 then [ ] else [ n ] ++ countdown (n - 1);

  # bump [ 1 2 ]   gives [ 2 3 ]
  bump = xs: map (x: x + 1) xs;

  # row { name = "hello"; size = 12; }   gives [ "hello" "12" ]
  row = pkg: [ pkg.name (toString pkg.size) ];
}
