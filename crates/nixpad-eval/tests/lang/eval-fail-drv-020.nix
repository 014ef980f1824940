# Invalid name
derivation { name = "a b"; builder = "b"; system = "c"; }
