# value is false when evaluation failed
(builtins.tryEval (throw "x")).value
