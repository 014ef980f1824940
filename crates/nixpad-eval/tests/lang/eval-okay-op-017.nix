# + of string and path gives a string; path and string gives a path
[ (builtins.typeOf ("/x" + "/y")) (builtins.typeOf (/x + "/y")) ]
