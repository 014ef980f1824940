# a list of three or more items is «repeated» wherever it is copied (its items are shared)
let l = [ 1 2 3 ]; s = { p = l; q = l; }; f = x: x; in [ l s.p (f l) (builtins.tail [ 0 l ]) ]
