# tryEval does not catch division by zero
builtins.tryEval (1 / 0)
