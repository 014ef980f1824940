# Negating the minimum int overflows
let min = -9223372036854775807 - 1; in -min
