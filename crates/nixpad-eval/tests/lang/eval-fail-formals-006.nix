# Duplicate formal arguments
({ a, a }: a) { a = 1; }
