# A builder from another derivation
let dep = derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }; in (derivation { name = "b"; builder = "${dep}/bin/sh"; system = "x86_64-linux"; }).outPath
