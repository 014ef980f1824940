# fromTOML refuses a key with a NUL byte
builtins.fromTOML "\"a\\u0000b\" = 1"
