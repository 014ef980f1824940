# Prefixed to base64
builtins.convertHash { hash = "sha1:" + builtins.hashString "sha1" "x"; toHashFormat = "base64"; }
