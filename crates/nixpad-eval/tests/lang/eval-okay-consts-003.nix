# nixVersion is a non-empty string
builtins.stringLength builtins.nixVersion > 0
