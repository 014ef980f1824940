# getEnv rejects strings with context
builtins.getEnv (builtins.toFile "f" "contents")
