"from default.nix"
