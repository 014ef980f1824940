# Ellipsis allows extra attributes
({ a, ... }: a) { a = 1; b = 2; }
