# genericClosure elements need a key
builtins.genericClosure { startSet = [ { k = 1; } ]; operator = x: [ ]; }
