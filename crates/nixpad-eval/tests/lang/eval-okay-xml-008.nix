# Repeated derivations
let d = derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }; in builtins.toXML [ d d { x = d; } ]
