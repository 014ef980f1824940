# toJSON of a string literal with a byte that is not UTF-8 fails
builtins.toJSON "aÿb"
