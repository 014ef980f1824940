# addDrvOutputDependencies needs one element
builtins.addDrvOutputDependencies "x"
