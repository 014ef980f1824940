# placeholder rejects context
builtins.placeholder (builtins.toFile "f" "contents")
