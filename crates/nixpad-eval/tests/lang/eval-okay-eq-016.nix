# Equality of sets containing the same function value
let f = x: x; s = { inherit f; }; in [ (s == s) (s == { inherit f; }) ]
