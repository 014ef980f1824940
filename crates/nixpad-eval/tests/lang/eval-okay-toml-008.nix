# Keys of every kind
builtins.fromTOML "1a = true\n\"q k\" = false\n'lit k' = 1\na-b_c = 2"
