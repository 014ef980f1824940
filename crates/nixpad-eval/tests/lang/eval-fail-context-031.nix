# appendContext: first argument must be a string
builtins.appendContext 1 { }
