# An int and a string cannot be compared
1 < "a"
