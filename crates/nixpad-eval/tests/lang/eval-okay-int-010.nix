# A lone zero and negative zero are the same int
[ (0 == -0) (builtins.typeOf (-0)) (-0) ]
