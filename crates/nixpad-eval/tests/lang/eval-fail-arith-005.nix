# Adding a string to a float
1.5 + "x"
