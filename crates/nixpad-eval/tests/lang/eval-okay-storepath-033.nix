# storeDir
builtins.storeDir
