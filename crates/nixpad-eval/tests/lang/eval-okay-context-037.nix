# Unused replacement contributes no context
builtins.getContext (builtins.replaceStrings [ "q" ] [ (derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; }).dev.outPath ] "abc")
