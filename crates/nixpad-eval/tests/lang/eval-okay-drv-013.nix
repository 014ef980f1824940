# Outputs as a space-separated string
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = "a  b"; }
