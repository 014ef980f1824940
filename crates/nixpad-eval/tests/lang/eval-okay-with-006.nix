# Function parameters beat with-bindings
(x: with { x = 2; }; x) 1
