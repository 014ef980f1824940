# builtins.path with a non-function filter
builtins.path { path = ./lib/store/tree; filter = 1; }
