# Non-string attribute that cannot be coerced
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; x = { }; }
