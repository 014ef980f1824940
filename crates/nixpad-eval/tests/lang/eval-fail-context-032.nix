# appendContext: second argument must be a set
builtins.appendContext "x" 1
