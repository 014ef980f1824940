# concatLists flattens one level
builtins.concatLists [ [ 1 ] [ ] [ 2 [ 3 ] ] ]
