# groupBy with a non-string key
builtins.groupBy (x: x) [ 1 ]
