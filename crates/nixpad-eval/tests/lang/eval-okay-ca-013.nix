# experimental-features: ca-derivations
# Mixed inputs: one content-addressed input is enough to defer the outputs
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __contentAddressed = true; }; n = d { name = "n"; }; b = d { name = "b"; deps = [ a n ]; }; m = d { name = "m"; dep = n; }; in [ n.outPath b.drvPath b.outPath m.outPath ]
