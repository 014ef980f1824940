# sort strings
builtins.sort builtins.lessThan [ "b" "B" "a" "" "ab" ]
