# Laziness with let-in and assert in an unused binding
let unused = assert false; 1; in "fine"
