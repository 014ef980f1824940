# Missing value
builtins.fromTOML "a = "
