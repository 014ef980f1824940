# Missing required argument of a named function
let f = { a, b }: a; in f { a = 1; }
