# Comparison operators between numbers with mixed types
[ (1 < 2.0) (1 <= 1.0) (2.0 > 1) (2 >= 2.5) ]
