# Missing required argument
({ a, b }: a) { a = 1; }
