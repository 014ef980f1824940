# isBool
[ (builtins.isBool true) (builtins.isBool false) (builtins.isBool 1) (builtins.isBool null) ]
