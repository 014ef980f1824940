# baseNameOf keeps the context
builtins.getContext (baseNameOf (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }))
