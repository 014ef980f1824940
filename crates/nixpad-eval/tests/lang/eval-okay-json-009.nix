# toJSON of the string form of a path
builtins.toJSON { path = toString /a/b; }
