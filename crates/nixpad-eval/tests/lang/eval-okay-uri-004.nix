# x:x without spaces is a URI, not a function
[ (builtins.typeOf (x:x)) (builtins.typeOf (x: x)) ]
