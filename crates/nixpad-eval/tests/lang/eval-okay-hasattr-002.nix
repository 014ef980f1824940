# ? with an attribute path
[ ({ a.b.c = 1; } ? a.b.c) ({ a.b = 1; } ? a.c) ({ a = 1; } ? a.b) ]
