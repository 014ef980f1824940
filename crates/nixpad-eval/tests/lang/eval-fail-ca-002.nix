# experimental-features: ca-derivations impure-derivations
# Both at once
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); in (d { name = "a"; __contentAddressed = true; __impure = true; }).drvPath
