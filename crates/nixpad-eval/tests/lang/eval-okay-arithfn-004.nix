# add/sub/mul with floats
[ (builtins.add 0.5 0.25) (builtins.sub 1 0.5) (builtins.mul 2 1.5) (builtins.div 1.0 4) ]
