# experimental-features: ca-derivations dynamic-derivations
# A floating text output may use another algorithm (a fixed one may not: Nix 2.26 aborts)
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); in let a = d { name = "a"; __contentAddressed = true; outputHashMode = "text"; outputHashAlgo = "sha512"; }; in [ a.drvPath a.outPath ]
