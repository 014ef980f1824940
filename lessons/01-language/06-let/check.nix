{ files, ... }:
let m = files."main.nix"; in
[
  { name = "area is 21"; expected = 21; actual = m.area or null; hint = 2; }
  { name = "perimeter is 20"; expected = 20; actual = m.perimeter or null; hint = 2; }
  { name = "the result has exactly area and perimeter"; expected = [ "area" "perimeter" ];
    actual = if builtins.isAttrs m then builtins.attrNames m else m; hint = 1; }
]
