# Infinity from overflowing multiplication
1.0e300 * 1.0e300
