# genList negative
builtins.genList (x: x) (-1)
