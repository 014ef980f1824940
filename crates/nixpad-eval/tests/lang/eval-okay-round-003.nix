# ceil of a whole float
builtins.ceil 2.0
