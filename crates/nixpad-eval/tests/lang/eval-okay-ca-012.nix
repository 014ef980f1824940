# experimental-features: ca-derivations
# The placeholder carries the output's context, like any output path
let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); a = d { name = "a"; __contentAddressed = true; outputs = [ "out" "bin" ]; }; in [ "${a}/share" (builtins.getContext "${a.bin}/bin/x") (builtins.placeholder "out") ]
