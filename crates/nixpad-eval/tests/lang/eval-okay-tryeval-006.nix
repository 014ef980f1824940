# Nested tryEval
builtins.tryEval (builtins.tryEval (throw "x"))
