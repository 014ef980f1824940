# toJSON of floats uses the shortest round-trip form
builtins.toJSON [ 0.1 1.0 100.0 1.5 1.0e20 1.5e-7 (0.1 + 0.2) 123456789.123 ]
