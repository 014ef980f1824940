# output context message
builtins.getAttr (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).outPath { }
