# genericClosure
builtins.genericClosure { startSet = [ { key = 1; } ]; operator = x: if x.key < 5 then [ { key = x.key + 1; } { key = x.key; } ] else [ ]; }
