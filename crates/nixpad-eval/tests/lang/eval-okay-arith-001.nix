# Integer division versus float division
[ (5 / 2) (5 / 2.0) (5.0 / 2) (-5 / 2) (-5 / 2.0) ]
