# match on a non-string
builtins.match "a" 1
