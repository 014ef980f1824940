# map applies a function
map (x: x * x) [ 1 2 3 ]
