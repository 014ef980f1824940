# builtins.ceil and builtins.floor return ints
[ (builtins.ceil 1.5) (builtins.floor 1.5) (builtins.ceil (-1.5)) (builtins.floor (-1.5)) (builtins.typeOf (builtins.floor 2.0)) ]
