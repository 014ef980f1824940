# ceil result type
builtins.typeOf (builtins.ceil 1.1)
