# No algorithm
builtins.convertHash { hash = builtins.hashString "sha1" "x"; toHashFormat = "sri"; }
