# attrNames of a rec set
builtins.attrNames (rec { a = 1; b = a; })
