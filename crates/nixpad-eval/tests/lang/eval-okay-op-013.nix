# Unary minus on a selection
-{ a = 1; }.a
