# Attribute names may not carry context
builtins.getAttr (builtins.toFile "f" "contents") { }
