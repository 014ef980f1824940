# derivationStrict with outputs
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "bin" "out" ]; }
