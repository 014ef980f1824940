# __ignoreNulls drops nulls
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; __ignoreNulls = true; a = null; }
