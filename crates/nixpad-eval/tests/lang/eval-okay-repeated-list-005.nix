# empty lists are never «repeated»
let e = [ ]; in [ e e { a = e; } ]
