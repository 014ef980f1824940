# Dynamic attribute names
let n = "k"; in { ${n} = 1; "${n}2" = 2; }
