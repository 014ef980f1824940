# map is lazy in the elements it produces
builtins.length (map (x: throw "never") [ 1 2 3 ])
