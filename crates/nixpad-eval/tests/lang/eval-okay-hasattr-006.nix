# ? with an intermediate non-set value
{ a = 5; } ? a.b.c
