# typeOf of a set with __functor
builtins.typeOf { __functor = self: x: x; }
