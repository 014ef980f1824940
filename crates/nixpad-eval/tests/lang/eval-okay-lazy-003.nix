# attrNames does not evaluate values
builtins.attrNames { a = throw "x"; b = abort "y"; }
