# typeOf distinguishes ints from floats after arithmetic
[ (builtins.typeOf (1 + 2)) (builtins.typeOf (1 + 2.0)) (builtins.typeOf (4 / 2.0)) (builtins.typeOf 1.) ]
