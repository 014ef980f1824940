# A `~/` path is kept as written (not canonicalised, unlike other path literals), but
# one with an interpolation is canonicalised when it is made.
let
  home = dirOf (toString ~/x);
  tail = p: let s = toString p; in builtins.substring (builtins.stringLength home) (-1) s;
in
[ (tail ~/a/x/../y) (tail ~/a/./x/y) (tail ~/a/${"x"}/../y) (baseNameOf ~/x/..) (~/x/../y == ~/y) ]
