# derivation is a function
builtins.typeOf derivation
