# Word counting with split and groupBy
let
  words = builtins.filter (w: builtins.isString w && w != "") (builtins.split "[^a-z]+" "the cat and the dog and the bird");
  groups = builtins.groupBy (w: w) words;
in builtins.mapAttrs (w: ws: builtins.length ws) groups
