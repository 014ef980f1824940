# stringLength of a derivation
builtins.stringLength (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; })
