# tryEval of a set returns the set in value
(builtins.tryEval { a = 1; }).value.a
