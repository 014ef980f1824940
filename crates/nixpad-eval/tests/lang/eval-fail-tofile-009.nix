# toFile name must be a string
builtins.toFile 1 "x"
