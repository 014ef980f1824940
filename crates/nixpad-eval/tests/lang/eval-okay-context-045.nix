# toJSON of a derivation is its outPath
builtins.toJSON { a = derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }; }
