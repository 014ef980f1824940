# A recursive attribute set merge
let
  recursiveUpdate = a: b:
    a // builtins.mapAttrs (n: v: if builtins.isAttrs v && a ? ${n} && builtins.isAttrs a.${n} then recursiveUpdate a.${n} v else v) b;
in recursiveUpdate { x = { y = 1; z = 2; }; w = 0; } { x = { z = 3; q = 4; }; v = 5; }
