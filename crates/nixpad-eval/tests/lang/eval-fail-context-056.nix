# hasAttr rejects names with context
builtins.hasAttr (builtins.toFile "f" "contents") { }
