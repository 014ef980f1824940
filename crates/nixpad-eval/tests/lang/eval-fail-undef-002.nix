# An undefined variable in a function body is an error even if never called
let f = x: y; in 1
