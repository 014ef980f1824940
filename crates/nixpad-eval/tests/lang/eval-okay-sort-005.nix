# sort of empty and single-element lists
[ (builtins.sort (a: b: throw "never") [ ]) (builtins.sort (a: b: throw "never") [ 1 ]) ]
