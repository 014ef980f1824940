# listToAttrs with a non-string name
builtins.listToAttrs [ { name = 1; value = 1; } ]
