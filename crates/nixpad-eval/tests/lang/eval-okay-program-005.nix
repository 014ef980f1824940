# Recursively flattening nested lists
let flatten = x: if builtins.isList x then builtins.concatMap flatten x else [ x ]; in flatten [ 1 [ 2 [ 3 [ 4 ] ] ] [ ] 5 ]
