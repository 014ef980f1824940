# typeOf of machine-dependent constants: only the types
[ (builtins.typeOf builtins.currentSystem) (builtins.typeOf builtins.nixVersion) (builtins.typeOf builtins.currentTime) (builtins.typeOf builtins.storeDir) (builtins.typeOf builtins.langVersion) ]
