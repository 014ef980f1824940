# Mutual recursion 2,000 levels deep
let even = n: if n == 0 then true else odd (n - 1); odd = n: if n == 0 then false else even (n - 1); in even 2000
