# Trailing comma after the last formal
({ a, b, }: a + b) { a = 1; b = 2; }
