# fromJSON rejects strings with context
builtins.fromJSON (builtins.toJSON (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).outPath)
