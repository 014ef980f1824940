# genList with a negative length
builtins.genList (x: x) (-1)
