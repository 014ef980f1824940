# A builtin call counts towards max-call-depth while its result is forced: 5,001 levels
# of a function nested through builtins.head are more than 10,000 open calls.
let
  viaHead = n: if n == 0 then 0 else builtins.head [ (viaHead (n - 1)) ];
in
viaHead 5001
