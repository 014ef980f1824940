# split with no match returns a one-element list
[ (builtins.split "x" "abc") (builtins.split "," "") ]
