# Integer comparison operators
[ (1 < 2) (2 < 1) (2 <= 2) (3 >= 4) (5 > -5) (-1 < 0) ]
