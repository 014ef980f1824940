# Structured attributes
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; __structuredAttrs = true; a = 1; b = [ 1.5 "x" null ]; c = { d = true; }; args = [ "x" ]; }
