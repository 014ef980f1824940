# __functor makes a set callable
let counter = { n = 1; __functor = self: x: self.n + x; }; in counter 41
