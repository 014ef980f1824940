# scopedImport evaluates to an ordinary value
builtins.typeOf (scopedImport { } ./lib/set.nix)
