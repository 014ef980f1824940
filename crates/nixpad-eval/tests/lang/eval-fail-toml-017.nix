# Duplicate keys
builtins.fromTOML "a = 1\na = 2"
