# __functor can return another callable set
let mk = n: { inherit n; __functor = self: x: mk (self.n + x); }; in ((mk 1) 2 3).n
