# replaceStrings on an empty string
[ (builtins.replaceStrings [ "a" ] [ "b" ] "") (builtins.replaceStrings [ "" ] [ "x" ] "") ]
