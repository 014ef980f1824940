# match must match the whole string
[ (builtins.match "a" "ba") (builtins.match "b" "ba") (builtins.match ".*a" "ba") ]
