# An escaped dollar immediately followed by an interpolation
"\$${"x"}"
