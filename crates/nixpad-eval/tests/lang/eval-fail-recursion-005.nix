# Unbounded recursion through a default argument
let f = { a ? f { }, ... }: a; in f { }
