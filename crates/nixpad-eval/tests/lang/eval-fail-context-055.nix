# split rejects a regex with context
builtins.split (builtins.toFile "f" "contents") "a"
