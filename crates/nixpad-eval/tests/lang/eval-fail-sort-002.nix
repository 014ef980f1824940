# A comparator returning a non-Boolean
builtins.sort (a: b: 1) [ 1 2 ]
