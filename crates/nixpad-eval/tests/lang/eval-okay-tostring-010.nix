# toString of a string is the identity
let s = "as is\n"; in toString s == s
