# Ellipsis must be last
({ ..., a }: a) { a = 1; }
