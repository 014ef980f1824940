# builtins.path with a name
builtins.path { path = ./lib/store/tree; name = "renamed"; }
