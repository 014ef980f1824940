# Output name validity (a-b from name-output)
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "a b" ]; }
