# Selecting from null
let n = null; in n.x
