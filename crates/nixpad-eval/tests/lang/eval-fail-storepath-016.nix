# builtins.path with an invalid name
builtins.path { path = ./lib/store/tree; name = "a b"; }
