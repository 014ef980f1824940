# base16 to SRI with an algorithm
builtins.convertHash { hash = builtins.hashString "sha1" "x"; hashAlgo = "sha1"; toHashFormat = "sri"; }
