# foldl' does not force an unused initial accumulator
builtins.foldl' (a: b: b) (throw "never") [ 1 ]
