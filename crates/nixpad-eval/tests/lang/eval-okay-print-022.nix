# Repeated values in deeply nested positions
let x = { v = [ 1 ]; }; in { a = { b = x; }; c = [ x x.v ]; }
