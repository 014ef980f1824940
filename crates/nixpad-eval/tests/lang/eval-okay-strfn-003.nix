# substring past the end is empty
[ (builtins.substring 10 2 "abc") (builtins.substring 3 1 "abc") ]
