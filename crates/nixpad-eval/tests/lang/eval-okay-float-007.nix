# Mixing ints and floats yields floats
[ (1 + 2.0) (7 / 2.0) (2 * 1.5) (10 - 0.5) (3.0 / 2) ]
