# Arithmetic, comparison and logic in one expression
1 + 1 == 2 && 3 > 2 || false
