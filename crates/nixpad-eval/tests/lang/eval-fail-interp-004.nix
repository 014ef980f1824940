# null is not coerced in interpolation
"${null}"
