# A recursive function 25,000 calls deep through a builtin
let f = n: if n == 0 then 0 else builtins.add 1 (f (n - 1)); in f 25000
