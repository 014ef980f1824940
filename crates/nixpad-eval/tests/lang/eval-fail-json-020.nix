# toJSON of a partially applied builtin
builtins.toJSON (builtins.add 1)
