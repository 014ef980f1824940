# Self-reference through a function in rec
rec { fact = n: if n == 0 then 1 else n * fact (n - 1); r = fact 10; }.r
