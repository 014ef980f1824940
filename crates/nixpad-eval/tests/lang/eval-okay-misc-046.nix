# tryEval of a derivation failure
builtins.tryEval (derivation { name = "a"; builder = "b"; system = "c"; x = throw "caught"; }).drvPath
