# ++ binds tighter than ==
[ 1 ] ++ [ 2 ] == [ 1 2 ]
