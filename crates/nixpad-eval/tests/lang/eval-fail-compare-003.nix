# Booleans are incomparable
true < false
