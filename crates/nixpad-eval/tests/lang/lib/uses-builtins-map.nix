map (x: x * y) [ 1 2 3 ]
