# Deep equality of nested sets
{ a = { b = [ 1 2 ]; }; } == { a.b = [ 1 2 ]; }
