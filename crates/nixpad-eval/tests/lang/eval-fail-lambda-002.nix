# Calling a function with too many arguments
(x: x) 1 2
