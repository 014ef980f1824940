# Lists of lists are compared element-wise
[ ([ [ 1 ] [ 2 ] ] < [ [ 1 ] [ 3 ] ]) ([ [ 1 2 ] ] < [ [ 1 ] ]) ]
