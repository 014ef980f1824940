# Wrong length
builtins.convertHash { hash = "sha512:00"; toHashFormat = "sri"; }
