# Unused let bindings are never evaluated
let unused = throw "never"; in "ok"
