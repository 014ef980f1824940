# Legacy let bindings are recursive
let { a = b; b = 2; body = [ a b ]; }
