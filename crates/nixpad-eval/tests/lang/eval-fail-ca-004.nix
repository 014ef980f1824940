# __contentAddressed must be a Boolean
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); in (d { name = "a"; __contentAddressed = 1; }).drvPath
