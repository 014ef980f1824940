# Function application is left-associative
let k = x: y: x; in k 1 2
