# tryEval does not catch type errors
builtins.tryEval (1 + "a")
