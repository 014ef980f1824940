# Negative zero and other signed floats
[ (0.0 * -1) (0 - 0.0) (-0.5 * 0) ]
