# experimental-features: ca-derivations dynamic-derivations
# The text method (a derivation that writes a .drv file, for dynamic derivations)
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __contentAddressed = true; outputHashMode = "text"; }; in [ a.drvPath a.outPath ]
