# listToAttrs ignores extra attributes in the pairs
builtins.listToAttrs [ { name = "x"; value = 1; extra = throw "never"; } ]
