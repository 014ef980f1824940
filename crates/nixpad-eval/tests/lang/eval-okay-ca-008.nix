# experimental-features: ca-derivations
# A fixed-output derivation ends the deferral: what depends on it is input-addressed again
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __contentAddressed = true; }; b = d { name = "b"; dep = a; outputHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; }; c = d { name = "c"; dep = b; }; in [ b.drvPath b.outPath c.drvPath c.outPath ]
