# toJSON of an attribute name that is not UTF-8 fails
builtins.toJSON { "ÿ" = 1; }
