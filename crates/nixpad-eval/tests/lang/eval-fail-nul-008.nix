# fromJSON refuses a string with a NUL byte
builtins.fromJSON "{\"k\": \"a\\u0000b\"}"
