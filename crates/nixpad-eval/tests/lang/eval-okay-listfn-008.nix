# foldl' folds from the left
builtins.foldl' (acc: x: acc ++ [ x ]) [ ] [ 1 2 3 ]
