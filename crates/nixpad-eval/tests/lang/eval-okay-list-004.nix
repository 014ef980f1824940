# Concatenation of lists
[ ([ 1 2 ] ++ [ 3 ]) ([ ] ++ [ ]) ([ 1 ] ++ [ ] ++ [ 2 ]) ]
