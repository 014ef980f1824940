# Nested derivation dependencies through a list
let a = derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }; b = derivation { name = "b"; builder = "/bin/sh"; system = "x86_64-linux"; deps = [ a ]; }; in (derivation { name = "c"; builder = "/bin/sh"; system = "x86_64-linux"; deps = [ a b ]; }).outPath
