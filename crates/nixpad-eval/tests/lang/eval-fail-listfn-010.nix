# elemAt with a float index
builtins.elemAt [ 1 2 ] 1.0
