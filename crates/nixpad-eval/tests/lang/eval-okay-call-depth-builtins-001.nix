# A builtin call counts towards max-call-depth while it runs (forcing its result too):
# 4,999 levels of a function nested through a builtin fit, with one call of each per level.
let
  viaSeq = n: if n == 0 then 0 else builtins.seq n (viaSeq (n - 1));
  viaHead = n: if n == 0 then 0 else builtins.head [ (viaHead (n - 1)) ];
  viaAdd = n: if n == 0 then 0 else builtins.add 1 (viaAdd (n - 1));
in
[ (viaSeq 4999) (viaHead 4999) (viaAdd 4999) ]
