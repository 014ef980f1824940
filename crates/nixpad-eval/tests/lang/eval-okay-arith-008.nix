# Identifiers may contain dashes, so a-b is one name
let a-b = 100; a = 5; b = 2; in [ a-b (a - b) ]
