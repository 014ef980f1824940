# trace of a non-string value
builtins.trace { a = 1; } [ 2 ]
