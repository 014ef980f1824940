# fromJSON of big floats and exponents
builtins.fromJSON "[1.5e300, 2E-2, 0.1]"
