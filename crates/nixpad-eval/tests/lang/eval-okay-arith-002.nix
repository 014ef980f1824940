# builtins.add/sub/mul/div accept ints and floats
[ (builtins.add 1 2) (builtins.sub 10 4) (builtins.mul 3 4) (builtins.div 9 2) (builtins.add 1 0.5) (builtins.div 7 2.0) ]
