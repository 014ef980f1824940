# Passed values beat defaults
({ a ? 1 }: a) { a = 2; }
