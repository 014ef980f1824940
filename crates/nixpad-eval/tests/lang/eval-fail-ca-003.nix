# experimental-features: impure-derivations
# An impure output is named by a placeholder, which needs ca-derivations
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); in (d { name = "a"; __impure = true; }).drvPath
