# Using tryEval to find which inputs fail
let check = x: if x > 2 then throw "too big" else x; in map (x: (builtins.tryEval (check x)).success) [ 1 2 3 4 ]
