# isString
[ (builtins.isString "") (builtins.isString /a) (builtins.isString http://x.y) (builtins.isString 1) ]
