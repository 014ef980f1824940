# Closures in a list capture different values
let fs = builtins.genList (i: x: x + i) 4; in map (f: f 10) fs
