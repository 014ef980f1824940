# Integer division truncates toward zero for negative operands
[ (7 / 2) (-7 / 2) (7 / -2) (-7 / -2) (0 / 5) ]
