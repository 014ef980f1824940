# A float literal that underflows is invalid
5.0e-324
