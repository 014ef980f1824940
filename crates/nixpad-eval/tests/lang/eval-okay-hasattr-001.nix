# ? tests for an attribute
[ ({ a = 1; } ? a) ({ a = 1; } ? b) ]
