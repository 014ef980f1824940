# toJSON of a builtin
builtins.toJSON { a = builtins.add; }
