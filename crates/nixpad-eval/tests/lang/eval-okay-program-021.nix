# filterAttrs through listToAttrs
let
  filterAttrs = pred: set: builtins.listToAttrs (builtins.concatMap (n: if pred n set.${n} then [ { name = n; value = set.${n}; } ] else [ ]) (builtins.attrNames set));
in filterAttrs (n: v: v > 1 && n != "d") { a = 1; b = 2; c = 3; d = 4; }
