# Algorithm mismatch
builtins.convertHash { hash = "sha1:" + builtins.hashString "sha1" "x"; hashAlgo = "md5"; toHashFormat = "sri"; }
