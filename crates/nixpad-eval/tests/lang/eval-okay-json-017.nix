# toJSON of the largest integers
builtins.toJSON [ 9223372036854775807 (-9223372036854775807 - 1) ]
