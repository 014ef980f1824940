# Unexpected argument suggests alternatives
({ a }: a) { a = 1; b = 2; }
