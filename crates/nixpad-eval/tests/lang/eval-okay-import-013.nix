# builtins.import is the same function
builtins.import ./lib/counter.nix
