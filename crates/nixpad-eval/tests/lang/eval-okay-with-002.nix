# Lexical bindings beat with-bindings
let a = 1; in with { a = 2; }; a
