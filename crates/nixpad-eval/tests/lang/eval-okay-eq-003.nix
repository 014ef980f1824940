# Functions never compare equal directly
let f = x: x; in [ (f == f) ((x: x) == (x: x)) ]
