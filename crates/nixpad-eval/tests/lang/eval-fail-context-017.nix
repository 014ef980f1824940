# addDrvOutputDependencies with two elements
let d = derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }; in builtins.addDrvOutputDependencies "${d.drvPath}${d}"
