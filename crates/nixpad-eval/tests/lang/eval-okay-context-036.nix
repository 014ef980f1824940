# Context flows through replaceStrings replacement
builtins.getContext (builtins.replaceStrings [ "a" ] [ (derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; }).dev.outPath ] "abc")
