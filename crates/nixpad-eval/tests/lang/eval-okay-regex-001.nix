# match returns capture groups
builtins.match "(a+)(b*)" "aab"
