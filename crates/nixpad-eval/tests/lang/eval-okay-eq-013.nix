# Lists of different lengths are unequal without comparing elements
[ (throw "never") ] == [ 1 2 ]
