# which builtins keep attribute positions: mapAttrs drops them, the others keep the source's
let s = { c = 1; d = 2; }; p = v: let r = builtins.unsafeGetAttrPos "c" v; in if r == null then null else [ r.line r.column ]; in
[ (p (builtins.mapAttrs (n: v: v) s))
  (p (builtins.listToAttrs [ { name = "c"; value = 1; } ]))
  (p (builtins.intersectAttrs { c = 0; } s))
  (p (builtins.removeAttrs s [ "d" ]))
  (p (s // { e = 1; }))
  (p ({ e = 1; } // s))
  (p (builtins.zipAttrsWith (n: v: v) [ s ]))
  (p (builtins.functionArgs ({ c }: c)))
  (p (builtins.groupBy (x: "c") [ 1 ]))
]
