# replaceStrings swapping two strings at once
builtins.replaceStrings [ "a" "b" ] [ "b" "a" ] "aabb"
