# Integer equality with itself and other ints
[ (3 == 3) (3 == 4) (3 != 4) ]
