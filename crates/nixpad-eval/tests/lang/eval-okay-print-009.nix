# A value seen first at the top, then nested
let x = { a = { b = 1; }; }; in [ x x.a ]
