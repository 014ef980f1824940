# removeAttrs
builtins.removeAttrs { a = 1; b = 2; } [ "a" "c" ]
