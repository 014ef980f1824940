# ? with a dynamic name
let n = "a"; in [ ({ a = 1; } ? ${n}) ({ a = 1; } ? "${n}b") ]
