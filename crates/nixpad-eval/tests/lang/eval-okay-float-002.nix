# Exponent notation in float literals
[ 1.5e3 1.5E3 1.5e+3 2.5e-3 1.e5 ]
