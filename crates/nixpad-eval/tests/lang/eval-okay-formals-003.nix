# Defaults can refer to other formals
({ a, b ? a * 2 }: b) { a = 5; }
