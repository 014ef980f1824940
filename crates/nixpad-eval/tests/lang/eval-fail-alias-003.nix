# builtins.__add is not an attribute
builtins.__add 1 2
