# Derivations with different attributes differ
(derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }) == (derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; })
