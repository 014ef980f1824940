# Fibonacci numbers with a memo list
let
  n = 60;
  fibs = builtins.genList (i: if i < 2 then i else builtins.elemAt fibs (i - 1) + builtins.elemAt fibs (i - 2)) n;
in builtins.elemAt fibs (n - 1)
