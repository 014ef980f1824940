# isFunction of derivation and builtins
[ (builtins.isFunction derivation) (builtins.isFunction builtins.derivationStrict) (builtins.isFunction builtins.fetchurl) ]
