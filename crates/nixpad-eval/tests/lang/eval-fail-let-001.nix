# A let binding that depends on itself
let x = x + 1; in x
