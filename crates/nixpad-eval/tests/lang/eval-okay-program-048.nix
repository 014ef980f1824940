# Floats in a computation printed with %g
let avg = l: builtins.foldl' builtins.add 0.0 l / builtins.length l; in [ (avg [ 1 2 3 4 ]) (avg [ 1 2 ]) (avg [ 10 20 25 ]) ]
