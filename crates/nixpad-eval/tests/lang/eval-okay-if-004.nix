# if with a computed condition
let s = { a = 1; }; in if s ? a && s.a == 1 then "has" else "not"
