# Small and large floats print with exponents
[ 0.0001 0.00001 1.0e15 1.0e16 1.0e21 1.0e-7 ]
