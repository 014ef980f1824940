# builtins.path with a filter
builtins.path { path = ./lib/store/tree; filter = p: t: t != "directory"; }
