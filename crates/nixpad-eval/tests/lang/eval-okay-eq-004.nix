# Functions inside lists and sets compare equal when identical
let f = x: x; in [ ([ f ] == [ f ]) ({ a = f; } == { a = f; }) ([ (x: x) ] == [ (x: x) ]) ]
