# Operations on long lists
let l = builtins.genList (i: i) 10000; in [ (builtins.length l) (builtins.elemAt l 9999) (builtins.length (builtins.filter (x: x > 4999) l)) ]
