# Nested pattern functions
({ a }: { b }: a + b) { a = 1; } { b = 2; }
