# Subtracting a string from an int
1 - "a"
