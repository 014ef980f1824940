# tryEval does not catch missing attributes of derivations
builtins.tryEval (derivation { name = "a"; }).drvPath
