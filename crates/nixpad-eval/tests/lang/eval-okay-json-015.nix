# fromJSON of a string and nested arrays
[ (builtins.fromJSON ''"plain"'') (builtins.fromJSON "[[[]]]") (builtins.fromJSON "{}") ]
