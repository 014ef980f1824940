# experimental-features: ca-derivations
# With outputHash, a content-addressed derivation is a fixed-output one
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __contentAddressed = true; outputHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; }; in [ a.drvPath a.outPath ]
