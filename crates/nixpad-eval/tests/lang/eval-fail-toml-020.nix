# Missing equals sign
builtins.fromTOML "a"
