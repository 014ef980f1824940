# toPath of an integer
builtins.toPath 1
