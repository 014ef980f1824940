# Negative floats
[ (-1.5) (0 - 2.25) (-1.0e-3) (- 1.0e10) ]
