# Comparison of ints and floats across types
[ (1 < 1.5) (1.5 < 1) (2 <= 2.0) (2.0 >= 2) ]
