# Repeated lists print as «repeated»
let x = [ 1 ]; in [ x x ]
