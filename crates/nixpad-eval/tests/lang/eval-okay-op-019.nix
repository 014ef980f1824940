# Function application binds tighter than //
let f = a: b: a // b; in f { x = 1; } { y = 2; } // { z = 3; }
