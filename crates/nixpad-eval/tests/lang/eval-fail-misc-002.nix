# genericClosure without startSet
builtins.genericClosure { operator = x: [ ]; }
