# toFile referring to another file
builtins.toFile "r" "${builtins.toFile "f" "contents"}"
