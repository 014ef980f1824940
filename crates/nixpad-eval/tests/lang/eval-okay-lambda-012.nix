# Functions are values in lists and sets
let fs = { inc = x: x + 1; }; in fs.inc 1
