# toFile with an invalid name
builtins.toFile "a b" "x"
