# inherit (e) of a name that e lacks
let s = { a = 1; }; in { inherit (s) b; }.b
