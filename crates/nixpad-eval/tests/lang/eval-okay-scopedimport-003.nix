# scopedImport overriding a global builtin function
scopedImport { map = f: xs: "my map"; y = 1; } ./lib/uses-builtins-map.nix
