# The result of x // { } is x itself
let x = { a = 1; }; in [ x (x // { }) ]
