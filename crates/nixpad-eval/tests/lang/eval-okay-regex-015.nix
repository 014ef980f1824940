# split with an unmatched optional group
builtins.split "(a)(c)?" "ab"
