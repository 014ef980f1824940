# tryEval catches a failed assertion
builtins.tryEval (assert false; 1)
