# scopedImport
scopedImport { x = 5; } ./lib/usex.nix
