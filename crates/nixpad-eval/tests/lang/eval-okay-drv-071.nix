# Derivation name with every allowed character
builtins.derivationStrict { name = "a+-._?=Z9"; builder = "b"; system = "c"; }
