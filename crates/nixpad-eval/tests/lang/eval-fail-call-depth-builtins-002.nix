# seq forces its second argument inside the call: 5,001 levels through it overflow.
let
  viaSeq = n: if n == 0 then 0 else builtins.seq n (viaSeq (n - 1));
in
viaSeq 5001
