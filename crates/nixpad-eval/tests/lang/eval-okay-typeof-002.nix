# typeOf of a relative path and a URI
[ (builtins.typeOf ./x) (builtins.typeOf http://x.y/z) ]
