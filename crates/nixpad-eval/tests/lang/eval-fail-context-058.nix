# removeAttrs rejects names with context
builtins.removeAttrs { } [ (builtins.toFile "f" "contents") ]
