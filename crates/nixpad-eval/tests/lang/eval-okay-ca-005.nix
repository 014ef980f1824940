# experimental-features: ca-derivations impure-derivations
# An impure derivation and a dependant
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __impure = true; }; b = d { name = "b"; dep = a; }; in [ a.drvPath a.outPath b.drvPath b.outPath ]
