# Lists compare lexicographically, including mixed numbers
[ ([ 1 2.5 ] < [ 1 3 ]) ([ "a" 1 ] < [ "a" 2 ]) ([ 1 ] <= [ 1 ]) ]
