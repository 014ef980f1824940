# Deep equality of nested structures
{ a = [ 1 { b = "c"; } ]; d = null; } == { d = null; a = [ 1 { b = "c"; } ]; }
