# unsafeGetAttrPos needs a set
builtins.unsafeGetAttrPos "a" 1
