# replaceStrings tries patterns in order at each position
[ (builtins.replaceStrings [ "a" "ab" ] [ "1" "2" ] "abab") (builtins.replaceStrings [ "ab" "a" ] [ "2" "1" ] "abab") ]
