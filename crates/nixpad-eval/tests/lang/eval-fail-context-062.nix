# toFile rejects a name with context
builtins.toFile (builtins.toFile "f" "contents") "a"
