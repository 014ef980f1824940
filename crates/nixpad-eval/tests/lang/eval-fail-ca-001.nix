# An impure derivation needs its experimental feature
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); in (d { name = "a"; __impure = true; }).drvPath
