# div and mul
[ (builtins.div 7 2) (builtins.mul 3 4) (builtins.sub 1 2) (builtins.add 1 2) ]
