# Mixed arrays
builtins.fromTOML "a = [1, \"x\", 1.5, [true]]"
