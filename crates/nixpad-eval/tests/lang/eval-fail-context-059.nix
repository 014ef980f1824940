# catAttrs rejects names with context
builtins.catAttrs (builtins.toFile "f" "contents") [ ]
