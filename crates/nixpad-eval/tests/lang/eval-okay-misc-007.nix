# unsafeGetAttrPos of a missing attribute
builtins.unsafeGetAttrPos "b" { a = 1; }
