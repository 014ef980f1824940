# experimental-features: ca-derivations
# MD5, and an algorithm Nix does not know (which counts as none: SHA-256)
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __contentAddressed = true; outputHashAlgo = "md5"; }; b = d { name = "b"; __contentAddressed = true; outputHashAlgo = "foo"; }; in [ a.drvPath a.outPath b.drvPath b.outPath ]
