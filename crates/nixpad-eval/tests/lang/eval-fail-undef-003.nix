# An undefined variable in an unused let binding is still an error
let unused = nosuch; in 1
