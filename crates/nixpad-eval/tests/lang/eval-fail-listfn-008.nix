# map with a non-function
map 1 [ 1 ]
