# map over an empty list does not need a function
map 1 [ ]
