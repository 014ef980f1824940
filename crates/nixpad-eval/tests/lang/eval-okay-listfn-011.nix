# foldl' over an empty list returns the initial value
builtins.foldl' (a: b: throw "never") "init" [ ]
