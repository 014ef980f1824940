# scopedImport with the real map and a scope variable
scopedImport { y = 10; } ./lib/uses-builtins-map.nix
