# experimental-features: ca-derivations
# Another algorithm and the flat method
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __contentAddressed = true; outputHashAlgo = "sha512"; outputHashMode = "flat"; }; in [ a.drvPath a.outPath ]
