# replaceStrings replaces all occurrences
builtins.replaceStrings [ "o" ] [ "0" ] "foo boo"
