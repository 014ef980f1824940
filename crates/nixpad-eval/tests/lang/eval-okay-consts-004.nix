# builtins is a set that contains itself
[ (builtins.typeOf builtins) (builtins ? builtins) (builtins.builtins.builtins.true) ]
