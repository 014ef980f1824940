# substring with start and length
[ (builtins.substring 0 3 "abcdef") (builtins.substring 2 2 "abcdef") (builtins.substring 3 100 "abcdef") ]
