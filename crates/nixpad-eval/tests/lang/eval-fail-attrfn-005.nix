# catAttrs with a non-set element
builtins.catAttrs "a" [ { a = 1; } 2 ]
