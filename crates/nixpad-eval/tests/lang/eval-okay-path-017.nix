# Path literals followed by attribute selection need parens
[ (builtins.typeOf /a/b) (baseNameOf /a/b.c) ]
