# langVersion and storeDir
[ builtins.langVersion builtins.storeDir ]
