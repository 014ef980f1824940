# attrNames of a non-set
builtins.attrNames [ ]
