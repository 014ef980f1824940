# toFile referring to a drvPath
builtins.toFile "r" (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).drvPath
