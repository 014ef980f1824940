# Building a list recursively 3,000 levels deep
let f = n: if n == 0 then [ ] else [ n ] ++ f (n - 1); in builtins.length (f 3000)
