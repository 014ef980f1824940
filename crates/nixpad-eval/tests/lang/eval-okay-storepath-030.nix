# toPath returns a string
builtins.typeOf (builtins.toPath /a/b)
