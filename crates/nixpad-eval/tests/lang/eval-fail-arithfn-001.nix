# bitAnd with a float
builtins.bitAnd 1.0 1
