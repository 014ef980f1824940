# Floats as printed
builtins.toXML [ 0.1 1.0e10 1.0e-7 123456789.0 ]
