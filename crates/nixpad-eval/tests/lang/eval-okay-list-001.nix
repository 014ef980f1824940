# List literals and nesting
[ 1 "a" [ 2 [ 3 ] ] { } [ ] null true ]
