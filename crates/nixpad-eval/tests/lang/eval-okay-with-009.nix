# with of a builtins-like set
with builtins; length (filter (x: x > 1) [ 1 2 3 ])
