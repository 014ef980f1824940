# fromJSON of an integer out of range
builtins.fromJSON "9223372036854775808"
