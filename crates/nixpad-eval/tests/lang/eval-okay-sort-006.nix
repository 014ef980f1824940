# sort a large reversed list
let l = builtins.genList (i: 2000 - i) 2000; s = builtins.sort (a: b: a < b) l; in [ (builtins.head s) (builtins.elemAt s 1999) (builtins.length s) ]
