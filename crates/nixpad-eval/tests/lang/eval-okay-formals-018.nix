# Defaults do not see the enclosing let when shadowed by formals
let b = "outer"; in ({ a ? b, b ? "formal" }: a) { }
