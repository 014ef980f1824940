# inherit inside rec sees the outer scope, not itself
let a = 1; in rec { inherit a; b = a + 1; }
