# Ints and floats compare numerically
[ (1 == 1.0) (0 == 0.0) (2 == 2.5) ]
