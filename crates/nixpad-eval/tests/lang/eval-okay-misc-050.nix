# attrValues of a derivation-like set
builtins.attrValues { b = 2; a = 1; }
