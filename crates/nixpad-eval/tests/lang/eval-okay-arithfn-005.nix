# Arithmetic builtins partially applied
map (builtins.mul 3) [ 1 2 3 ]
