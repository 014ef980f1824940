# addDrvOutputDependencies on a drvPath
builtins.getContext (builtins.addDrvOutputDependencies (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).drvPath)
