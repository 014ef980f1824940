# Floats
builtins.fromTOML "a = 1e3\nb = -0.0\nc = 1.5e-3\nd = 3.0\ne = 6.626e-34"
