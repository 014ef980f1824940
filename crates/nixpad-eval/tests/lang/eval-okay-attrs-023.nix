# Selecting with or on a nested dynamic path
let s = { a = { b = 1; }; }; k = "c"; in [ (s.a.${k} or "no") (s.a.b or "no") ]
