# Missing hash
builtins.convertHash { toHashFormat = "sri"; }
