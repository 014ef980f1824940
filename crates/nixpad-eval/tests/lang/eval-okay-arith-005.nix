# Unary minus binds tighter than binary operators
[ (-2 * 3) (-2 + 3) (2 - -3) (-(-2)) ]
