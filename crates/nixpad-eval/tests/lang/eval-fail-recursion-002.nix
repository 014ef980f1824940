# Unbounded recursion hits the call-depth limit
let f = x: f x; in f 1
