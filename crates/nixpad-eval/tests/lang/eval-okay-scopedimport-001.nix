# scopedImport adds variables to the imported file's scope
scopedImport { x = 5; } ./lib/usex.nix
