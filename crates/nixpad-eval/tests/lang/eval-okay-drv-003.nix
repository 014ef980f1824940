# Attribute names of a derivation
builtins.attrNames (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; })
