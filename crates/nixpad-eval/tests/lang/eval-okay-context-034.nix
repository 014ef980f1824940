# Context flows through +
builtins.getContext ((derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).outPath + "x")
