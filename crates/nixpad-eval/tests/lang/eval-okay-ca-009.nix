# experimental-features: ca-derivations
# Structured attributes and several outputs
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __contentAddressed = true; __structuredAttrs = true; outputs = [ "out" "lib" ]; }; b = d { name = "b"; dep = a.lib; }; in [ a.drvPath a.outPath b.drvPath b.outPath ]
