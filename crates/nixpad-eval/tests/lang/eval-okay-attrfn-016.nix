# removeAttrs with an empty list returns an equal set
builtins.removeAttrs { a = 1; } [ ] == { a = 1; }
