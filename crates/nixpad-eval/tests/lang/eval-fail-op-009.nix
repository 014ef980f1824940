# Adding two lists is string concatenation and fails
[ 1 ] + [ 2 ]
