# replaceStrings with an empty pattern inserts between characters
builtins.replaceStrings [ "" ] [ "-" ] "abc"
