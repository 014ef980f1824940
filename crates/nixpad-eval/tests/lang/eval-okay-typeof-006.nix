# typeOf of an import
builtins.typeOf (import ./lib/fn.nix)
