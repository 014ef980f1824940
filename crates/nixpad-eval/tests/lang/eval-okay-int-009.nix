# Integers in a folded sum
builtins.foldl' (a: b: a + b) 0 [ 1 2 3 4 5 6 7 8 9 10 ]
