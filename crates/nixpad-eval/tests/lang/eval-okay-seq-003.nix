# deepSeq returns its second argument when the first is fine
builtins.deepSeq { a = [ 1 2 ]; b.c = "x"; } "ok"
