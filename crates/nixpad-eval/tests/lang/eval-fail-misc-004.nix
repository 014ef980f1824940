# genericClosure with mixed key types
builtins.genericClosure { startSet = [ { key = 1; } { key = "a"; } ]; operator = x: [ ]; }
