# toString of a derivation
builtins.getContext (toString (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }))
