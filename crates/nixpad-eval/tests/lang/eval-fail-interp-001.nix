# Integers are not coerced in interpolation
"${1}"
