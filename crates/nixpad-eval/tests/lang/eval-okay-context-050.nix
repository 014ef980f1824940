# Strings with context compare by text
(derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).outPath == builtins.unsafeDiscardStringContext (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).outPath
