# Several outputs printed in full
derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; }
