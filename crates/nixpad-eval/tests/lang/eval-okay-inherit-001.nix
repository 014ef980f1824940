# inherit copies variables from the enclosing scope
let a = 1; b = 2; in { inherit a b; c = 3; }
