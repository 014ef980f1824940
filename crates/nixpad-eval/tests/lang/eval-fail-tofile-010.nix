# toFile contents must be a string
builtins.toFile "a" 1
