# experimental-features: ca-derivations
# Several outputs, each with its own placeholder; a dependant that uses one of them
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __contentAddressed = true; outputs = [ "out" "dev" ]; }; b = d { name = "b"; inc = a.dev; }; in [ a.drvPath a.outPath a.dev.outPath b.drvPath b.outPath ]
