# Function as an attribute
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; x = builtins.add; }
