# __toString returning an int is not coerced in interpolation
"${ { __toString = s: 5; } }"
