# or when the left side is not a set
[ ((1).a or 5) (let a = { b = null; }; in a.b.c or 7) ]
