# Lists compare lexicographically with <
[ ([ 1 2 ] < [ 1 3 ]) ([ 1 ] < [ 1 2 ]) ([ ] < [ 1 ]) ([ 2 ] < [ 1 5 ]) ([ "a" ] < [ "b" ]) ]
