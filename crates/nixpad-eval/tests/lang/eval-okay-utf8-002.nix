# a byte that is not UTF-8 stays one byte in a string literal
[ "aÿb" (builtins.stringLength "Ã") (builtins.stringLength "ÿþ") ]
