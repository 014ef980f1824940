# scopedImport requires a set as its first argument
scopedImport 1 ./lib/usex.nix
