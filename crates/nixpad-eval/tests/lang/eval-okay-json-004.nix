# toJSON escapes control characters
builtins.toJSON (builtins.fromJSON "\"\\u0001\\u001f\"")
