# parseDrvName rejects context
builtins.parseDrvName (builtins.toFile "f" "contents")
