# Floats that are whole numbers print without a dot
[ (2.5 * 2) (1.0 * 100) 1.0e5 (0.5 + 0.5) ]
