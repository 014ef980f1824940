# Formals with defaults referring to builtins and outer scope
let base = 10; in ({ a ? base, b ? builtins.length [ 1 2 ] }: a + b) { }
