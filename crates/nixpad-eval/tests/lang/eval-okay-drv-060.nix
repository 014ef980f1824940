# A derivation equals itself by outPath
let a = derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }; b = derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }; in a == b
