# inherit (e) in rec sets and let sees the level itself
let x = { a = 1; }; in [ (rec { x = { a = 2; }; inherit (x) a; }) (let x = { a = 3; }; inherit (x) a; in a) { x = { a = 4; }; inherit (x) a; } ]
