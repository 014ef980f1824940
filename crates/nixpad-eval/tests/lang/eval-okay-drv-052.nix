# __contentAddressed = false is an ordinary variable
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; __contentAddressed = false; }
