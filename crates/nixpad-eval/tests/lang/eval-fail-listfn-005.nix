# length of a non-list
builtins.length "abc"
