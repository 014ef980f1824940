# Application binds tighter than arithmetic
let f = x: x + 1; in f 1 * 10
