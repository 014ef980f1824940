# A toFile result is not in the store of an evaluation.
builtins.readFile (builtins.toFile "a" "b")
