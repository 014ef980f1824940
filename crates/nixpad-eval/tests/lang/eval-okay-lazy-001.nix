# Unused list elements are never evaluated
builtins.length [ (throw "a") (abort "b") (1 / 0) ]
