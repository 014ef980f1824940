# Selecting through nested attribute paths
let s = { a.b.c = 42; }; in [ s.a.b.c s.a.b (s.a).b.c ]
