# Unknown algorithm
builtins.convertHash { hash = "x"; hashAlgo = "sha3"; toHashFormat = "sri"; }
