# Missing attribute in a nested path
{ a.b = 1; }.a.c
