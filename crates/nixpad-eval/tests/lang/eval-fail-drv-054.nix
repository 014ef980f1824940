# Structured attributes: outputs must be a list
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; __structuredAttrs = true; outputs = "out"; }
