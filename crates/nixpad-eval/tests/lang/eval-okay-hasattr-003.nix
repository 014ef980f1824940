# ? on non-sets is false
[ (1 ? a) ("s" ? a) (null ? a) ([ ] ? a) ]
