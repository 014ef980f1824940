# Currying through several levels
let f = a: b: c: d: a * 1000 + b * 100 + c * 10 + d; in ((f 1) 2 3) 4
