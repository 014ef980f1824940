# ceil and floor of floats
[ (builtins.ceil 1.5) (builtins.floor 1.5) (builtins.ceil (-1.5)) (builtins.floor (-1.5)) ]
