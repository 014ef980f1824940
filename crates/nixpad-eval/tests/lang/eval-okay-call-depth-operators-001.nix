# `-`, `*`, `/` and comparisons are calls (of __sub, __mul, __div, __lessThan): 4,999 nested levels of each fit in max-call-depth.
let
  sub = n: if n == 0 then 0 else sub (n - 1) - 1;
  mul = n: if n == 0 then 1 else mul (n - 1) * 1;
  div = n: if n == 0 then 1 else div (n - 1) / 1;
  less = n: if n == 0 then 0 else (if less (n - 1) < 0 then 0 else 1);
in [ (sub 4999) (mul 4999) (div 4999) (less 4999) ]
