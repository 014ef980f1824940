# Counting occurrences of characters
let
  s = "mississippi";
  chars = builtins.genList (i: builtins.substring i 1 s) (builtins.stringLength s);
in builtins.mapAttrs (c: l: builtins.length l) (builtins.groupBy (c: c) chars)
