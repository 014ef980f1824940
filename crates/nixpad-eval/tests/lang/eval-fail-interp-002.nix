# Floats are not coerced in interpolation
"${1.5}"
