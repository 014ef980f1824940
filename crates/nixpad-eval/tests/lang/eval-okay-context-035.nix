# Context flows through concatStringsSep (separator and elements)
let d = derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; }; in builtins.getContext (builtins.concatStringsSep d.dev.outPath [ "a" d.drvPath ])
