# Float division by a float
[ (1 / 4.0) (1.0 / 3) (2.0 / 3) (10.0 / 4) ]
