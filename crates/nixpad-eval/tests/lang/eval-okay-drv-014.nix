# An output named like a number
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ 1 ]; }
