# hasAttr with a non-string name
builtins.hasAttr 1 { }
