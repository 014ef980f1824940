# Unused function arguments are never evaluated
(x: 42) (throw "never")
