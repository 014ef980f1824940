# let bindings are recursive and order-independent
let c = b * 2; b = a + 1; a = 1; in c
