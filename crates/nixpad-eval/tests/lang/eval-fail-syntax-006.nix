# An assignment at the top level
a.b.c = 1
