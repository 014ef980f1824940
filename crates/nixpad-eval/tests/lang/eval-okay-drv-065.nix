# The outPath has the output context
builtins.getContext (derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; }).dev.outPath
