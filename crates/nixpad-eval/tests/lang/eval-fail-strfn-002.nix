# replaceStrings with lists of different lengths
builtins.replaceStrings [ "a" ] [ ] "a"
