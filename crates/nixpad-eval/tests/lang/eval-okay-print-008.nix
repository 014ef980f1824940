# A value seen first nested, then at the top
let x = { a = { b = 1; }; }; in [ x.a x ]
