# Repeated values inside an attribute set
let x = { a = 1; }; in { p = x; q = x; }
