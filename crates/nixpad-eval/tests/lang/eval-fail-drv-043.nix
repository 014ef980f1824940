# Fixed output needs an algorithm
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; outputHash = "abc"; }
