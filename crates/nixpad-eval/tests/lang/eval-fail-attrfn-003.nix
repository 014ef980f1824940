# listToAttrs without a value
builtins.listToAttrs [ { name = "a"; } ]
