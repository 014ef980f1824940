# The drvPath has the drv context
builtins.getContext (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).drvPath
