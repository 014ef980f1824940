# Overflow inside a fold
builtins.foldl' (a: b: a * b) 1 (builtins.genList (x: 1000) 10)
