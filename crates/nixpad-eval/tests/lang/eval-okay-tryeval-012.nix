# tryEval of a thrown error inside an imported file
builtins.tryEval (import ./lib/throws.nix)
