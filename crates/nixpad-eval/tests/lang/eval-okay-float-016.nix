# A float that is a whole number is still a float
[ (builtins.typeOf 2.0) (2.0 == 2) (builtins.isInt (4.0 / 2)) (toString (4.0 / 2)) ]
