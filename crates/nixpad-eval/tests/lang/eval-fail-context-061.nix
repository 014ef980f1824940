# hashString rejects an algorithm with context
builtins.hashString (builtins.toFile "f" "contents") "a"
