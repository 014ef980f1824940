# Recursion through attribute sets
let s = { f = n: if n == 0 then "done" else s.f (n - 1); }; in s.f 1000
