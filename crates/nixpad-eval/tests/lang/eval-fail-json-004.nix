# toJSON forces nested thunks
builtins.toJSON { a = [ (throw "inside toJSON") ]; }
