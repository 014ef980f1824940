# ceil and floor of integers
[ (builtins.ceil 3) (builtins.floor (-3)) ]
