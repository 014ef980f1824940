# tryEval does not catch infinite recursion
builtins.tryEval (let x = x; in x)
