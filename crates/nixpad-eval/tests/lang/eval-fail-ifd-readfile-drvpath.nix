# The .drv itself is not written by an evaluation either.
builtins.readFile (derivation { name = "x"; builder = "/bin/sh"; system = "x86_64-linux"; }).drvPath
