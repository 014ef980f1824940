# Nested with where the inner set refers to an outer one
let s = { inner = { v = 1; }; }; in with s; with inner; v
