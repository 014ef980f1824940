# experimental-features: ca-derivations
# false is passed to the builder like any attribute
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __contentAddressed = false; }; b = d { name = "b"; __contentAddressed = false; __structuredAttrs = true; }; in [ a.drvPath a.outPath b.drvPath ]
