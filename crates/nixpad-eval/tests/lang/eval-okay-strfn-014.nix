# replaceStrings with empty lists
builtins.replaceStrings [ ] [ ] "unchanged"
