# inherit (e) nested in a path, with dynamic attributes beside it
let s = { k = 1; }; in { a.b = { inherit (s) k; }; a.c = 2; ${"d" + ""} = { inherit (s) k; }; }
