# toString of floats uses %f
[ (toString 2.5) (toString 1.0) (toString 0.1) (toString 1.0e-7) (toString 1.0e20) (toString (-0.5)) ]
