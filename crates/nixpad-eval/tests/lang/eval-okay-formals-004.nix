# Defaults can refer to formals declared later
({ a ? b + 1, b }: a) { b = 1; }
