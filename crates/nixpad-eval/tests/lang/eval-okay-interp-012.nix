# Interpolation inside a path-free string of only an interpolation
let s = "only"; in "${s}"
