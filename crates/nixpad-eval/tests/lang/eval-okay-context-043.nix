# dirOf keeps the context
builtins.getContext (dirOf (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).outPath)
