# replaceStrings does not rescan replaced text
builtins.replaceStrings [ "o" ] [ "oo" ] "foo"
