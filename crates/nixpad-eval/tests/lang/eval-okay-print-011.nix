# Nested structures print on one line
{ a = { b = { c = [ 1 [ 2 ] { } ]; }; }; d = "e"; }
