# addDrvOutputDependencies
builtins.getContext (builtins.addDrvOutputDependencies (builtins.unsafeDiscardOutputDependency (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).drvPath))
