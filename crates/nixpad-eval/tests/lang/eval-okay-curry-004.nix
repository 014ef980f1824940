# Partially applied map over a list of lists
map (map (x: x * 2)) [ [ 1 2 ] [ 3 ] ]
