# builtins.trace prints a non-string value without forcing what is inside it
builtins.trace { a = 1; b = throw "x"; c = [ (throw "y") ]; } (builtins.trace (x: x) 1)
