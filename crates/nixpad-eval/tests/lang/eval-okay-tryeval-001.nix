# tryEval of a successful value
builtins.tryEval 1
