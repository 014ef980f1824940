# builtins.path needs a set
builtins.path 1
