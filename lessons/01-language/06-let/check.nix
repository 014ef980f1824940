{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
in
[
  { name = "area is 21"; expected = 21; actual = m.area or null; hint = 2; }
  { name = "perimeter is 20"; expected = 20; actual = m.perimeter or null; hint = 2; }
  { name = "the result has exactly area and perimeter"; expected = [ "area" "perimeter" ];
    actual = if builtins.isAttrs m then builtins.attrNames m else m; hint = 3; }
  (check.syntaxCheck { name = "area and perimeter are bound in the let"; ok = check.uses s "let" && (s.bindings.area or 0) >= 1 && (s.bindings.perimeter or 0) >= 1 && check.refers s "area"; hint = 2; })
  (check.syntaxCheck { name = "they are computed from width and height"; ok = (s.variables.width or 0) >= 2 && (s.variables.height or 0) >= 2; hint = 2;
    message = "Compute both from `width` and `height`, so that changing one number updates everything."; })
]
