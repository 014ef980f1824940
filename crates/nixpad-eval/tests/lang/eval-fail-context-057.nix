# listToAttrs rejects names with context
builtins.listToAttrs [ { name = builtins.toFile "f" "contents"; value = 1; } ]
