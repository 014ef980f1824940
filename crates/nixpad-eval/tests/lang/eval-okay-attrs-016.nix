# Selecting from a set returned by a function
let f = x: { v = x; }; in (f 3).v
