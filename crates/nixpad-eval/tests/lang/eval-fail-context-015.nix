# addDrvOutputDependencies on an output
builtins.addDrvOutputDependencies (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).outPath
