# typeOf of a string with context
builtins.typeOf (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).outPath
