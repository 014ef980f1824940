# toFile is a string
builtins.typeOf (builtins.toFile "f" "contents")
