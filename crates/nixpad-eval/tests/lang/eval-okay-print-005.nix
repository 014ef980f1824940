# Functions print as LAMBDA each time
let f = y: y; in [ f f ]
