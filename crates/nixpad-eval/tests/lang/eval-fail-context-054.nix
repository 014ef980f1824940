# match rejects a regex with context
builtins.match (builtins.toFile "f" "contents") "a"
