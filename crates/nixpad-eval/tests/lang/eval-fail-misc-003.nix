# genericClosure without key
builtins.genericClosure { startSet = [ { } ]; operator = x: [ ]; }
