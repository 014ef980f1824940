# toFile with empty contents
builtins.toFile "empty" ""
