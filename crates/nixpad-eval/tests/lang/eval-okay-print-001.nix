# Repeated identical set values print as «repeated»
let x = { a = 1; }; in [ x x ]
