# Selecting with a quoted name and with interpolation
let s = { "a b" = 1; xy = 2; }; k = "y"; in [ s."a b" s.${"x" + k} s."x${k}" ]
