# Booleans are not coerced in interpolation
"${true}"
