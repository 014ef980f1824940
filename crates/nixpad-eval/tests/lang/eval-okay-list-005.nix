# ++ is right-associative and lazy in its elements
builtins.length ([ (throw "a") ] ++ [ (throw "b") ] ++ [ 1 ])
