# genericClosure treats 1 and 1.0 as the same key
builtins.genericClosure { startSet = [ { key = 1; } { key = 1.0; } ]; operator = x: [ ]; }
