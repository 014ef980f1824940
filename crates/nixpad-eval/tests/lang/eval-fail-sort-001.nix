# A comparator that throws
builtins.sort (a: b: throw "cmp failed") [ 1 2 ]
