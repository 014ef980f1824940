# filter with a non-Boolean predicate result
builtins.filter (x: 1) [ 1 ]
