# Attribute names with several outputs
builtins.attrNames (derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; })
