# sort descending with a custom comparator
builtins.sort (a: b: a > b) [ 3 1 2 ]
