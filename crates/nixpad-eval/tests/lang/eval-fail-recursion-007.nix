# Recursive strict printing of an infinite structure
let f = n: { a = f (n + 1); }; in f 0
