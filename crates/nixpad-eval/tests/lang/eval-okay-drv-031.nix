# Depending on another derivation
let dep = derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; }; in (derivation { name = "b"; builder = "/bin/sh"; system = "x86_64-linux"; a = dep; b = dep.dev; }).drvPath
