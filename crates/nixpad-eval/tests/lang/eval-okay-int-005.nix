# Unary minus, double negation and subtraction without spaces
[ (-5) (- -5) (2-1) (3 - -1) (-(2 * 3)) ]
