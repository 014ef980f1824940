# builtins.path without path
builtins.path { }
