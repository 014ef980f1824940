# The known answer
builtins.toFile "a" "b"
