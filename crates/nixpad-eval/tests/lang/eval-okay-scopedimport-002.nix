# scopedImport can override builtins
scopedImport { builtins = { typeOf = x: "overridden"; }; } ./lib/typeof-builtins.nix
