# nixVersion
builtins.nixVersion
