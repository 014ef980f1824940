# addDrvOutputDependencies on a non-derivation
builtins.addDrvOutputDependencies (builtins.toFile "f" "contents")
