# __structuredAttrs must be a Boolean
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; __structuredAttrs = 1; }
