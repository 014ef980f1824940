# The argument set itself is lazy in its attributes
({ a, b }: a) { a = 1; b = throw "never"; }
