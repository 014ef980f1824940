# Float division by zero
1.0 / 0.0
