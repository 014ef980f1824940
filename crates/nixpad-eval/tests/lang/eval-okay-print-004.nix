# Strings, numbers and empty containers are never «repeated»
let s = "s"; n = 1; e = { }; l = [ ]; in [ s s n n e e l l ]
