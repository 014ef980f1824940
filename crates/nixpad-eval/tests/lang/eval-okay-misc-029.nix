# intersectAttrs with a derivation
builtins.intersectAttrs { name = 0; system = 0; } (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; })
