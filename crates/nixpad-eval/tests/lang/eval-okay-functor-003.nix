# __functor with map
map { __functor = s: x: x * 2; } [ 1 2 ]
