# A long chain of lazily dependent let bindings via a list
let l = builtins.genList (i: if i == 0 then 0 else builtins.elemAt l (i - 1) + 1) 2000; in builtins.elemAt l 1999
