# listToAttrs
builtins.listToAttrs [ { name = "a"; value = 1; } { name = "a"; value = 2; } ]
