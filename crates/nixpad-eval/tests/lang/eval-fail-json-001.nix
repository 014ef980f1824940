# toJSON of a function
builtins.toJSON (x: x)
