# catAttrs collects an attribute from a list of sets
builtins.catAttrs "a" [ { a = 1; } { b = 2; } { a = 3; } ]
