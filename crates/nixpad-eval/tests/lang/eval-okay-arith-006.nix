# Unary minus applies after function application
let f = x: x * 2; in -f 3
