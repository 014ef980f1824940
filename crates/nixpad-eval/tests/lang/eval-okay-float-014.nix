# Int/float equality and ordering
[ (1 == 1.0) (2 < 2.5) (2.5 < 3) (3 > 2.9) (1.0 != 1) ]
