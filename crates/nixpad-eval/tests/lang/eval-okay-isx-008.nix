# A set with __functor is not a function for isFunction but is callable
let f = { __functor = self: x: x + self.n; n = 10; }; in [ (builtins.isFunction f) (f 5) ]
