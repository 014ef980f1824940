# elemAt out of range
builtins.elemAt [ 1 ] 3
