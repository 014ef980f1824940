# fromJSON with whitespace and negative zero
[ (builtins.fromJSON "  42  ") (builtins.fromJSON "-0") ]
