# appendContext: key is not a store path
builtins.appendContext "x" { "/foo" = { path = true; }; }
