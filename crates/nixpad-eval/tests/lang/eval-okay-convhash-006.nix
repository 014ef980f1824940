# nix32 input
builtins.convertHash { hash = "0xfpz2r3rfhncz1k0nm6wqnc9f6h7b2gcjyyx41xhxl3fg3czl4x"; hashAlgo = "sha256"; toHashFormat = "sri"; }
