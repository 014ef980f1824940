# Basic integer arithmetic
[ (1 + 2) (10 - 3) (6 * 7) (17 / 5) ]
