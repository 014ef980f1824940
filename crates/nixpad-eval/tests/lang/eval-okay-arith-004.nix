# Arithmetic operator associativity
[ (20 - 5 - 3) (64 / 4 / 2) (2 * 3 * 4) (1 - 2 + 3) ]
