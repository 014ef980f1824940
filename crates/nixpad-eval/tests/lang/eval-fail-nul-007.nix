# fromTOML refuses a string value with a NUL byte
builtins.fromTOML "a = [ \"x\\u0000\" ]"
