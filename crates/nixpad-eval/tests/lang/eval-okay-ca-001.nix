# experimental-features: ca-derivations
# A content-addressed derivation's output path is known only after the build: its outPath
# is a placeholder, and so are the outputs of everything that depends on it.
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __contentAddressed = true; }; b = d { name = "b"; dep = a; }; c = d { name = "c"; dep = b; }; in [ a.drvPath a.outPath b.drvPath b.outPath c.drvPath c.outPath ]
