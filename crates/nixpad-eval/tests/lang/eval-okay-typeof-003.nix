# typeOf of values produced by builtins
[ (builtins.typeOf (builtins.attrNames { })) (builtins.typeOf (builtins.tryEval 1)) (builtins.typeOf (builtins.fromJSON "1.5")) ]
