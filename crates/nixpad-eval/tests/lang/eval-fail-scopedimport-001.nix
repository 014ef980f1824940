# scopedImport with an empty scope still lacks x
scopedImport { } ./lib/usex.nix
