# Nested let, with, rec and inherit interplay
let
  x = 1;
  s = rec { x = 2; y = x + 10; inherit (t) z; };
  t = with s; { z = y + x; };
in [ s.y t.z s.z ]
