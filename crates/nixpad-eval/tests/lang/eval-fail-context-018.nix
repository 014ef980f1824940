# addDrvOutputDependencies needs a string
builtins.addDrvOutputDependencies 1
