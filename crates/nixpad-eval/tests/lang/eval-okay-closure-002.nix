# genericClosure keeps extra attributes of the first occurrence
builtins.genericClosure { startSet = [ { key = "a"; v = 1; } { key = "a"; v = 2; } ]; operator = x: [ ]; }
