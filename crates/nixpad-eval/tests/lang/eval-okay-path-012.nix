# Relative paths in the same file are equal
./x/y == ./x/../x/y
