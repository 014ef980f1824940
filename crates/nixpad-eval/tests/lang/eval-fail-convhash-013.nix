# Missing format
builtins.convertHash { hash = "sha1:" + builtins.hashString "sha1" "x"; }
