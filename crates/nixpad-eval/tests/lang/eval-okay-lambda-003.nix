# Curried functions
(x: y: x - y) 10 3
