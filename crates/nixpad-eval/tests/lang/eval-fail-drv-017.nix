# Missing builder
derivation { name = "a"; system = "x"; }
