# lessThan
[ (builtins.lessThan 1 2) (builtins.lessThan "b" "a") ]
