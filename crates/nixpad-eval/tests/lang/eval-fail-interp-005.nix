# Lists are not coerced in interpolation
"${[ "a" ]}"
