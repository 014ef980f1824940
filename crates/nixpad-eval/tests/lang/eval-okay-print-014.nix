# Shared element at two depths of a list
let x = [ 1 2 ]; in [ x (builtins.tail x) x ]
