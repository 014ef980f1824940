# warn needs a string
builtins.warn 1 2
